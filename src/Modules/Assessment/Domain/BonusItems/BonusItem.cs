namespace Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;

/// <summary>A branch's own bonus item for a year; it counts only once the party committee approves it.</summary>
internal sealed class BonusItem
{
    public long Id { get; set; }

    public int Year { get; set; }

    public string BranchCode { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public long PointsTenths { get; set; }

    public BonusItemStatus Status { get; set; }

    public long ProposedAtUtcTicks { get; set; }

    public long? DecidedAtUtcTicks { get; set; }

    public string DecisionNote { get; set; } = string.Empty;

    public long Version { get; set; }

    public decimal Points => PointsTenths / 10m;
}
