namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// A branch meeting's result (定绩) with the scorecard frozen as it stood. Archived: a reopen marks it
/// superseded and a new determination is added; none is ever changed or removed.
/// </summary>
internal sealed class DeterminationRecord
{
    public long Id { get; init; }

    public long CycleId { get; init; }

    public Rating Rating { get; init; }

    public string PeerReviewSummary { get; init; } = string.Empty;

    public string SecretaryComment { get; init; } = string.Empty;

    public long DeterminedAtUtcTicks { get; init; }

    public string DeterminedBy { get; init; } = string.Empty;

    public string ScorecardSnapshotJson { get; init; } = string.Empty;

    public string TotalScore { get; init; } = string.Empty;

    public long? SupersededAtUtcTicks { get; private set; }

    /// <summary>For the cycle's reopen step: the record stays in the archive, marked as no longer current.</summary>
    internal void Supersede(DateTimeOffset now) => SupersededAtUtcTicks = now.UtcTicks;
}
