using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.ReopenCycle;

/// <summary>The leadership group's way back: one phase, with the reason on record.</summary>
internal sealed class ReopenCycleHandler(CycleStepRunner runner)
{
    public Task<Cycle> HandleAsync(StepInput input, string reason, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(input, v => text = StepInput.Text(v, "reason", reason, required: true), (c, actor, now) => c.Reopen(text, actor, now), cancellationToken);
    }
}
