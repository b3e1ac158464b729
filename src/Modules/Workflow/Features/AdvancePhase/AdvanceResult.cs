using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

internal sealed record AdvanceResult(string StaffNumber, bool Moved, string Reason, CycleStatus Status, AdvanceBlocker Blocker);

/// <summary>What kept a cycle where it was: it is there already, its state has no such step, or the step's condition does not hold yet.</summary>
internal enum AdvanceBlocker
{
    None = 0,
    AlreadyReached = 1,
    NotAStep = 2,
    ConditionUnmet = 3,
}
