namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// A branch meeting's result (定绩) with the scorecard frozen as it stood. Archived: a reopen marks it
/// superseded and a new determination is added; none is ever changed or removed.
/// </summary>
internal sealed class DeterminationRecord
{
    public long Id { get; set; }

    public long CycleId { get; set; }

    public Rating Rating { get; set; }

    public string PeerReviewSummary { get; set; } = string.Empty;

    public string SecretaryComment { get; set; } = string.Empty;

    public long DeterminedAtUtcTicks { get; set; }

    public string DeterminedBy { get; set; } = string.Empty;

    public string ScorecardSnapshotJson { get; set; } = string.Empty;

    public string TotalScore { get; set; } = string.Empty;

    public long? SupersededAtUtcTicks { get; set; }
}
