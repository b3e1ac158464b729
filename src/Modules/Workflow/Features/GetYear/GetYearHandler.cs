using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Years;

namespace Chuangji.Workflow.Modules.Workflow.Features.GetYear;

internal sealed class GetYearHandler(CycleStore store, CycleRoster roster, YearViewReader views)
{
    public async Task<YearView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var opened = await store.OpenYearAsync(year, cancellationToken);
        await roster.SyncAsync(opened, null, cancellationToken);
        return await views.ReadAsync(opened, cancellationToken);
    }
}
