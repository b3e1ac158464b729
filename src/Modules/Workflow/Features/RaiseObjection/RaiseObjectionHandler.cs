using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.RaiseObjection;

/// <summary>亮绩: a member objects to the posted result during publicity.</summary>
internal sealed class RaiseObjectionHandler(CycleStepRunner runner)
{
    public async Task<(Cycle Cycle, long ObjectionId)> HandleAsync(StepInput input, string content, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        Objection? raised = null;
        var cycle = await runner.RunAsync(input, v => text = StepInput.Text(v, "content", content, required: true), (c, actor, now) => raised = c.RaiseObjection(text, actor, now), cancellationToken);
        return (cycle, raised!.Id);
    }
}
