using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>The contract's enums in step requests onto the module's words, by name, never by number.</summary>
internal static class StepRequestMapping
{
    /// <summary>
    /// The phase an AdvancePhase request names by the state it moves cycles into (and the sub-state for the half
    /// years). The per-member steps (Determine, ApplyOutcome) are not phases.
    /// </summary>
    public static AdvanceTarget AdvanceTargetOf(Proto.CycleState state, Proto.CycleSubState subState) => (state, subState) switch
    {
        (Proto.CycleState.SelfReport, Proto.CycleSubState.Unspecified or Proto.CycleSubState.FirstHalf) => AdvanceTarget.CloseCommitment,
        (Proto.CycleState.SelfReport, Proto.CycleSubState.SecondHalf) => AdvanceTarget.CloseFirstHalf,
        (Proto.CycleState.MassReview, Proto.CycleSubState.Unspecified) => AdvanceTarget.CloseSelfReport,
        (Proto.CycleState.Publicity, Proto.CycleSubState.Unspecified) => AdvanceTarget.CloseMassReview,
        (Proto.CycleState.Determination, Proto.CycleSubState.Unspecified) => AdvanceTarget.EndPublicity,
        _ => throw new InvalidArgumentException("target_state",
            "must be CYCLE_STATE_SELF_REPORT (sub-state CYCLE_SUB_STATE_SECOND_HALF to close the first half), CYCLE_STATE_MASS_REVIEW, CYCLE_STATE_PUBLICITY or CYCLE_STATE_DETERMINATION; determination and outcome are per member (Determine, ApplyOutcome)"),
    };

    /// <summary>The half a declaration is for; null (refused by the handler as a field violation) when the request names neither.</summary>
    public static HalfYear? HalfOf(Proto.HalfYear half) => half switch
    {
        Proto.HalfYear.First => HalfYear.First,
        Proto.HalfYear.Second => HalfYear.Second,
        _ => null,
    };
}
