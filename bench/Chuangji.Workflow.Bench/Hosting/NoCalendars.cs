using Chuangji.Workflow.Modules.Assessment.Contracts;

namespace Chuangji.Workflow.Bench.Hosting;

/// <summary>The in-process bench runs without the Workflow module: no year has a calendar, as before a year is opened.</summary>
internal sealed class NoCalendars : IAssessmentPeriods
{
    public Task<DateOnly?> ClosesOnAsync(int year, CancellationToken cancellationToken) => Task.FromResult<DateOnly?>(null);
}
