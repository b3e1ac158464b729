using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Workflow.Features.Advance;

/// <summary>A phase the leadership group may advance to, the step that gets there, and when a cycle is there already.</summary>
internal sealed record AdvanceTarget(CycleTrigger Trigger, CycleStatus Status, Action<Cycle, string, DateTimeOffset> Step)
{
    private static readonly CycleStatus[] Order =
    [
        CycleStatus.Commitment, CycleStatus.FirstHalf, CycleStatus.SecondHalf, CycleStatus.MassReview,
        CycleStatus.Publicity, CycleStatus.Determination, CycleStatus.Application, CycleStatus.Closed,
    ];

    public bool Reached(CycleStatus status) => Array.IndexOf(Order, status) >= Array.IndexOf(Order, Status);

    /// <summary>From the contract's state (and sub-state for the half years); the per-member steps are not phases.</summary>
    public static AdvanceTarget From(int state, int subState) => (state, subState) switch
    {
        (2, 0 or 1) => new(CycleTrigger.CloseCommitmentPhase, CycleStatus.FirstHalf, (c, a, n) => c.CloseCommitmentPhase(a, n)),
        (2, 2) => new(CycleTrigger.CloseFirstHalf, CycleStatus.SecondHalf, (c, a, n) => c.CloseFirstHalf(a, n)),
        (3, 0) => new(CycleTrigger.CloseSelfReport, CycleStatus.MassReview, (c, a, n) => c.CloseSelfReport(a, n)),
        (4, 0) => new(CycleTrigger.CloseMassReview, CycleStatus.Publicity, (c, a, n) => c.CloseMassReview(a, n)),
        (5, 0) => new(CycleTrigger.EndPublicity, CycleStatus.Determination, (c, a, n) => c.EndPublicity(a, n)),
        _ => throw new InvalidArgumentException("target_state",
            "must be CYCLE_STATE_SELF_REPORT (sub-state CYCLE_SUB_STATE_SECOND_HALF to close the first half), CYCLE_STATE_MASS_REVIEW, CYCLE_STATE_PUBLICITY or CYCLE_STATE_DETERMINATION; determination and outcome are per member (Determine, ApplyOutcome)"),
    };
}
