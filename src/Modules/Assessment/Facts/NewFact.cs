namespace Chuangji.Workflow.Assessment.Facts;

/// <summary>A validated fact on its way to the ledger.</summary>
internal sealed record NewFact(
    long MemberId,
    string StaffNumber,
    int Year,
    string Kind,
    DateOnly OccurredOn,
    int Count,
    long? PointsTenths,
    string Note,
    string RecordedBy,
    long RecordedAtUtcTicks,
    string RequestId);
