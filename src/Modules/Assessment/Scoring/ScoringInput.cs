using Chuangji.Workflow.Modules.Assessment.Domain;

namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>
/// Everything a scorecard depends on besides the facts. <paramref name="PeriodClosesOn"/> is the last day of the
/// year's assessment period (mass review closes): after it every window of the year is judged; null when the year
/// has no calendar, and then a window is judged only once it has ended.
/// </summary>
internal sealed record ScoringInput(
    YearRubric Rubric,
    MemberCategory Category,
    DateTimeOffset AsOf,
    TimeZoneInfo Zone,
    IReadOnlyList<BranchBonusItem> ApprovedBonusItems,
    DateOnly? PeriodClosesOn);
