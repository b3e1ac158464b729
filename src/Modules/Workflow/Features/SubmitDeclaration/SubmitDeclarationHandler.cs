using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.SubmitDeclaration;

/// <summary>述绩: the member's declaration for one half year.</summary>
internal sealed class SubmitDeclarationHandler(CycleStepRunner runner)
{
    public Task<Cycle> HandleAsync(StepInput input, HalfYear? half, string content, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        return runner.RunAsync(
            input,
            v =>
            {
                if (half is null)
                {
                    v.Add("half", "must be HALF_YEAR_FIRST or HALF_YEAR_SECOND");
                }

                text = StepInput.Text(v, "content", content, required: true);
            },
            (c, actor, now) => c.Declare(half!.Value, text, actor, now),
            cancellationToken);
    }
}
