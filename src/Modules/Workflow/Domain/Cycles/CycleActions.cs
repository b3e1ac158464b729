using Chuangji.Workflow.BuildingBlocks.Identity;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>How a trigger is asked for through the contract: what a refusal tells the caller to do instead.</summary>
internal static class CycleActions
{
    public static string Of(CycleTrigger trigger) => trigger switch
    {
        CycleTrigger.SubmitCommitment => "SubmitCommitment",
        CycleTrigger.CloseCommitmentPhase => "AdvancePhase to CYCLE_STATE_SELF_REPORT",
        CycleTrigger.SubmitFirstHalfDeclaration => "SubmitDeclaration for HALF_YEAR_FIRST",
        CycleTrigger.CloseFirstHalf => "AdvancePhase to CYCLE_STATE_SELF_REPORT / CYCLE_SUB_STATE_SECOND_HALF",
        CycleTrigger.SubmitSecondHalfDeclaration => "SubmitDeclaration for HALF_YEAR_SECOND",
        CycleTrigger.CloseSelfReport => "AdvancePhase to CYCLE_STATE_MASS_REVIEW",
        CycleTrigger.SubmitOpinion => "SubmitOpinion",
        CycleTrigger.CloseMassReview => "AdvancePhase to CYCLE_STATE_PUBLICITY",
        CycleTrigger.RaiseObjection => "RaiseObjection",
        CycleTrigger.ResolveObjection => "ResolveObjection",
        CycleTrigger.EndPublicity => "AdvancePhase to CYCLE_STATE_DETERMINATION",
        CycleTrigger.Determine => "Determine",
        CycleTrigger.ApplyOutcome => "ApplyOutcome",
        CycleTrigger.Reopen => "ReopenCycle",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>
    /// Whether the caller of the call in progress may take the step, by the policy of the RPC that takes it
    /// (a member their own steps, a secretary the branch's, the leadership group every one); any without a caller.
    /// </summary>
    public static bool CallerMayTake(CycleTrigger trigger) => CallerIdentity.MayCall($"/{WorkflowModule.GrpcServiceName}/{RpcOf(trigger)}");

    /// <summary>The contract's name of a state, with the half year for 述绩.</summary>
    public static string StateName(CycleStatus status) => status switch
    {
        CycleStatus.Commitment => "CYCLE_STATE_COMMITMENT",
        CycleStatus.FirstHalf => "CYCLE_STATE_SELF_REPORT/CYCLE_SUB_STATE_FIRST_HALF",
        CycleStatus.SecondHalf => "CYCLE_STATE_SELF_REPORT/CYCLE_SUB_STATE_SECOND_HALF",
        CycleStatus.SelfReport => "CYCLE_STATE_SELF_REPORT",
        CycleStatus.MassReview => "CYCLE_STATE_MASS_REVIEW",
        CycleStatus.Publicity => "CYCLE_STATE_PUBLICITY",
        CycleStatus.Determination => "CYCLE_STATE_DETERMINATION",
        CycleStatus.Application => "CYCLE_STATE_APPLICATION",
        CycleStatus.Closed => "CYCLE_STATE_CLOSED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The RPC of the contract that takes the trigger.</summary>
    public static string RpcOf(CycleTrigger trigger) => trigger switch
    {
        CycleTrigger.SubmitCommitment => "SubmitCommitment",
        CycleTrigger.SubmitFirstHalfDeclaration or CycleTrigger.SubmitSecondHalfDeclaration => "SubmitDeclaration",
        CycleTrigger.SubmitOpinion => "SubmitOpinion",
        CycleTrigger.RaiseObjection => "RaiseObjection",
        CycleTrigger.ResolveObjection => "ResolveObjection",
        CycleTrigger.Determine => "Determine",
        CycleTrigger.ApplyOutcome => "ApplyOutcome",
        CycleTrigger.Reopen => "ReopenCycle",
        CycleTrigger.CloseCommitmentPhase or CycleTrigger.CloseFirstHalf or CycleTrigger.CloseSelfReport
            or CycleTrigger.CloseMassReview or CycleTrigger.EndPublicity => "AdvancePhase",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
