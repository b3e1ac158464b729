using Chuangji.Workflow.Assessment.Domain;

namespace Chuangji.Workflow.Assessment.Scoring;

/// <summary>Everything a scorecard depends on besides the facts.</summary>
internal sealed record ScoringInput(
    YearRubric Rubric,
    MemberCategory Category,
    DateTimeOffset AsOf,
    TimeZoneInfo Zone,
    IReadOnlyList<BranchBonusItem> ApprovedBonusItems);
