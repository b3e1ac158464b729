using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.SubmitCommitment;

/// <summary>年初定承诺: the member's commitment for the year.</summary>
internal sealed class SubmitCommitmentHandler(CycleStepRunner runner)
{
    public Task<Cycle> HandleAsync(StepInput input, string commitment, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(input, v => text = StepInput.Text(v, "commitment", commitment, required: true), (c, actor, now) => c.Commit(text, actor, now), cancellationToken);
    }
}
