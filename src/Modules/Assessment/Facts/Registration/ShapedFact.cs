namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>A row whose fields are each well formed; whether the kind fits the member is checked next.</summary>
internal sealed record ShapedFact(
    string StaffNumber,
    string Kind,
    DateOnly OccurredOn,
    int Count,
    decimal? Points,
    string Note,
    string RecordedBy,
    string RequestId,
    bool BySystem);
