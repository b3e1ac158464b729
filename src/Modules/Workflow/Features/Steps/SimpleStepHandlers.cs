using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Steps;

/// <summary>The member's own steps and the leadership group's way back: fields, then the cycle's rules.</summary>
internal sealed class SimpleStepHandlers(CycleStepRunner runner)
{
    public Task<Cycle> SubmitCommitmentAsync(StepInput input, string commitment, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(input, v => text = StepInput.Text(v, "commitment", commitment, required: true), (c, actor, now) => c.Commit(text, actor, now), cancellationToken);
    }

    public Task<Cycle> SubmitDeclarationAsync(StepInput input, int half, string content, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(
            input,
            v =>
            {
                if (half is not ((int)HalfYear.First or (int)HalfYear.Second))
                {
                    v.Add("half", "must be HALF_YEAR_FIRST or HALF_YEAR_SECOND");
                }

                text = StepInput.Text(v, "content", content, required: true);
            },
            (c, actor, now) => c.Declare((HalfYear)half, text, actor, now),
            cancellationToken);
    }

    public Task<Cycle> ReopenAsync(StepInput input, string reason, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(input, v => text = StepInput.Text(v, "reason", reason, required: true), (c, actor, now) => c.Reopen(text, actor, now), cancellationToken);
    }
}
