namespace Chuangji.Workflow.Modules.Assessment.Facts;

/// <summary>
/// A validated fact on its way to the ledger, with the version of the year's table it was checked
/// against: the writer refuses it if the table has changed since. <paramref name="BySystem"/> marks the
/// scheme's own facts, which their request id alone names.
/// </summary>
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
    string RequestId,
    int RubricVersion,
    bool BySystem = false);
