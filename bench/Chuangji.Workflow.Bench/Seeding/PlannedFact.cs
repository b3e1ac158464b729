namespace Chuangji.Workflow.Bench.Seeding;

/// <summary>
/// One fact a secretary would register. <see cref="Member"/> indexes the roster; the request id is
/// a GUID, written with a per-run tag so that runs against the same ledger never replay each other.
/// </summary>
internal readonly record struct PlannedFact(
    int Member,
    string StaffNumber,
    string Kind,
    DateOnly OccurredOn,
    int Count,
    long? PointsTenths,
    string Note,
    string RecordedBy,
    long RecordedAtUtcTicks,
    Guid RequestId)
{
    public string RequestKey(string tag) => $"{tag}-{RequestId:N}";
}
