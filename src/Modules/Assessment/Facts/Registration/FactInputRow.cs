namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>A fact as the caller sent it, before any rule is checked; <paramref name="BySystem"/> for the scheme's own facts.</summary>
internal sealed record FactInputRow(
    string StaffNumber,
    string Kind,
    string OccurredOn,
    int? Count,
    string Points,
    string Note,
    string RecordedBy,
    string RequestId,
    bool BySystem = false);
