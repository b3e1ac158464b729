namespace Chuangji.Workflow.Modules.Workflow.Domain.Checks;

/// <summary>A kept check report: one per year, kind, period and branch ("" for the college).</summary>
internal sealed class CheckReport
{
    public long Id { get; set; }

    public int Year { get; set; }

    public CheckKind Kind { get; set; }

    public string Period { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public long CreatedAtUtcTicks { get; set; }

    public string Findings { get; set; } = string.Empty;
}
