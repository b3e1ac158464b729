using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Cycles;

/// <summary>
/// Runs one member's step: checks the fields, loads the cycle, checks the version the caller saw,
/// lets the cycle take the step (or refuse it), and saves. A refused step changes nothing.
/// </summary>
/// <remarks>
/// One of the two paths that write cycles; the other is the bulk advance (<c>CycleAdvanceSql</c>), which moves
/// thousands of cycles with a few statements instead of loading each one. Why two, and what holds them to the same
/// result (<c>AdvancePlanTests</c>, column by column): docs/adr/0014-workflow-slices.md, "Two write paths".
/// </remarks>
internal sealed class CycleStepRunner(CycleStore store, CollegeClock clock)
{
    public async Task<Cycle> RunAsync(StepInput input, Action<Violations> validate, Action<Cycle, string, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var actor = input.ValidActor(violations);
        validate(violations);
        violations.ThrowIfAny();

        var cycle = await store.CycleAsync(input.Year, input.StaffNumber, cancellationToken);
        CycleStore.EnsureVersion(cycle, input.ExpectedVersion);
        step(cycle, actor, clock.UtcNow);
        await store.SaveAsync(cycle, cancellationToken);
        return cycle;
    }
}
