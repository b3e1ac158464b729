using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Modules.Workflow.Years;

namespace Chuangji.Workflow.Modules.Workflow.Features.RetryScheduledWork;

/// <summary>
/// The leadership group's recovery once the cause of a failed scheduled event is fixed: the sweep runs now, tries
/// every failed event again and does what it held back, instead of waiting for the year's next moment.
/// </summary>
internal sealed class RetryScheduledWorkHandler(CycleStore store, DueWorkRunner runner, YearViewReader views)
{
    public async Task<YearView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var opened = await store.OpenYearAsync(year, cancellationToken);
        await runner.RunAsync(cancellationToken);
        return await views.ReadAsync(opened, cancellationToken);
    }
}
