namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

internal enum CycleTrigger
{
    SubmitCommitment,
    CloseCommitmentPhase,
    SubmitFirstHalfDeclaration,
    CloseFirstHalf,
    SubmitSecondHalfDeclaration,
    CloseSelfReport,
    SubmitOpinion,
    CloseMassReview,
    RaiseObjection,
    ResolveObjection,
    EndPublicity,
    Determine,
    ApplyOutcome,
    Reopen,
}
