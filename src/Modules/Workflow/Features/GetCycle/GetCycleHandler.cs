using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.GetCycle;

/// <summary>One member's cycle, made on first sight for an active member of an open year (CycleStore).</summary>
internal sealed class GetCycleHandler(CycleStore store)
{
    public Task<Cycle> HandleAsync(int year, string staffNumber, CancellationToken cancellationToken) =>
        store.CycleAsync(year, staffNumber, cancellationToken);
}
