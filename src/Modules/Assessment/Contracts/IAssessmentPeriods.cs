namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>
/// When a year's assessment period closes (docs: docs/domain.md §9): from the day after, every derived-rule window of
/// the year is judged, so publicity and determination show the complete year. The module that keeps the year's
/// calendar provides it; the Assessment module only asks.
/// </summary>
public interface IAssessmentPeriods
{
    /// <summary>The last day of the year's assessment period, or null when the year has no calendar (not opened).</summary>
    Task<DateOnly?> ClosesOnAsync(int year, CancellationToken cancellationToken);
}
