using Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>
/// What the scheme's documents read of the Assessment module: its published v1 messages, the same a client of
/// AssessmentService receives, so a document shows exactly the figures the RPCs answer (ADR 16).
/// </summary>
public interface IAssessmentRecords
{
    /// <summary>The year's scoring table in force, with each item's criteria text (考评内容和评分标准).</summary>
    Task<Rubric> RubricAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// The scorecards of a branch's active members (every branch when null) as of a moment, by staff number,
    /// read a page at a time: a college of any size streams through in bounded memory.
    /// </summary>
    IAsyncEnumerable<Scorecard> ScorecardsAsync(int year, string? branchCode, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// Every active member's standing as of a moment, scored as <see cref="ScorecardsAsync"/> scores them but in no
    /// particular order and without the scorecard's lines: the college in one pass over the year's facts.
    /// </summary>
    IAsyncEnumerable<ScoreStanding> StandingsAsync(int year, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>The facts with these ids (revoked ones included, with their revocation); unknown ids are absent.</summary>
    Task<IReadOnlyList<Fact>> FactsAsync(IReadOnlyCollection<long> factIds, CancellationToken cancellationToken);
}
