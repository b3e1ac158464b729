namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>A registered fact as the scoring engine sees it, with the moments that decide whether it counts.</summary>
internal sealed record ScoredFact(
    long Id,
    string Kind,
    DateOnly OccurredOn,
    int Count,
    decimal? Points,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>As of a moment, a fact counts once it has happened and been recorded, and until it is revoked.</summary>
    public bool CountsAt(DateTimeOffset asOf, DateOnly asOfDate) =>
        OccurredOn <= asOfDate && RecordedAt <= asOf && (RevokedAt is null || RevokedAt > asOf);
}
