namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>What other modules may ask of the Assessment module in process.</summary>
public interface IAssessmentModule
{
    /// <summary>Fixes the year's scoring table: called at the year's first determination (定绩). Idempotent.</summary>
    Task LockRubricAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// Records facts on the scheme's own behalf (e.g. NO_COMMITMENT when the commitment phase closes),
    /// with the rules of RecordEvents; idempotent on each request id. Answers per fact, in order.
    /// </summary>
    Task<IReadOnlyList<SystemFactOutcome>> RecordSystemFactsAsync(IReadOnlyList<SystemFact> facts, CancellationToken cancellationToken);

    /// <summary>The member's scorecard as of a moment, frozen as JSON (chuangji.assessment.v1.Scorecard).</summary>
    Task<ScorecardSnapshot> SnapshotScorecardAsync(string staffNumber, int year, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// Per member (by staff number), the facts not revoked that happened between the two dates (both
    /// included), leaving out the kinds named: how many, and how many of them are thought reports.
    /// Members without any are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, FactTally>> TallyFactsAsync(DateOnly from, DateOnly to, IReadOnlyCollection<string> excludingKinds, CancellationToken cancellationToken);

    /// <summary>The staff number of the member a fact is about, or null when there is no such fact.</summary>
    Task<string?> FactStaffNumberAsync(long factId, CancellationToken cancellationToken);

    /// <summary>Which of these fact ids name no fact of this member (none at all, or another member's: the caller cannot tell which).</summary>
    Task<IReadOnlyList<long>> FactIdsNotOfMemberAsync(string staffNumber, IReadOnlyCollection<long> factIds, CancellationToken cancellationToken);
}
