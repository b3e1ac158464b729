using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.ApplyOutcome;

/// <summary>用绩: commendation for the excellent, a help plan for the lagging (mandatory); closes the cycle.</summary>
internal sealed class ApplyOutcomeHandler(CycleStepRunner runner)
{
    public Task<Cycle> HandleAsync(StepInput input, string commendation, string helpPlan, CancellationToken cancellationToken)
    {
        var (praise, plan) = (string.Empty, string.Empty);
        return runner.RunAsync(
            input,
            v =>
            {
                praise = StepInput.Text(v, "commendation", commendation, required: false);
                plan = StepInput.Text(v, "help_plan", helpPlan, required: false);
            },
            (cycle, actor, now) =>
            {
                cycle.EnsurePermits(CycleTrigger.ApplyOutcome, now);
                OutcomeRules.Check(cycle.CurrentDetermination!.Rating, praise, plan);

                cycle.ApplyOutcome(praise, plan, actor, now);
            },
            cancellationToken);
    }
}
