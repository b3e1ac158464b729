namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>A member's score for a year as of a moment, with every line that explains it.</summary>
internal sealed record Scorecard(
    int Year,
    int RubricVersion,
    DateTimeOffset AsOf,
    IReadOnlyList<ItemScore> Items,
    IReadOnlyList<ScoreLine> BonusLines,
    decimal Base,
    decimal Bonus,
    decimal Total,
    VetoLine? Veto,
    SuggestedRating Rating,
    IReadOnlyList<DerivedWindowSpan> JudgedWindows,
    DateOnly? PeriodClosesOn);

/// <summary>One base item: its maximum, what was taken off and why, and what is left (never below 0).</summary>
internal sealed record ItemScore(string Code, string Name, decimal Max, decimal Score, IReadOnlyList<ScoreLine> Deductions);

/// <summary>
/// One reason the score moved: the rule (a fact kind, a derived rule's code, or a branch bonus item),
/// what it says, the facts behind it (none for a derived rule whose facts are missing), and the points.
/// </summary>
internal sealed record ScoreLine(string Rule, string Description, IReadOnlyList<long> FactIds, decimal Points);

internal sealed record VetoLine(string Kind, string Name, long FactId);

internal sealed record SuggestedRating(string Rating, string Name);
