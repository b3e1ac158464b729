using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Modules.Workflow.Features.ApplyOutcome;
using Chuangji.Workflow.Modules.Workflow.Features.Determine;
using Chuangji.Workflow.Modules.Workflow.Features.GetCycle;
using Chuangji.Workflow.Modules.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Modules.Workflow.Features.GetYear;
using Chuangji.Workflow.Modules.Workflow.Features.ListCycles;
using Chuangji.Workflow.Modules.Workflow.Features.ListOpinions;
using Chuangji.Workflow.Modules.Workflow.Features.OpenYear;
using Chuangji.Workflow.Modules.Workflow.Features.RaiseObjection;
using Chuangji.Workflow.Modules.Workflow.Features.ReopenCycle;
using Chuangji.Workflow.Modules.Workflow.Features.ResolveObjection;
using Chuangji.Workflow.Modules.Workflow.Features.RetryScheduledWork;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitCommitment;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitDeclaration;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitOpinion;
using Chuangji.Workflow.Modules.Workflow.Features.UpdateCalendar;
using Chuangji.Workflow.Modules.Workflow.Years;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>
/// Thin: maps each call onto its slice's handler (Features/&lt;Rpc&gt;) and the answer back onto the contract.
/// Grpc.AspNetCore makes the service per call, in the call's scope, so every handler here is the call's own
/// (scoped, sharing one DbContext); each is a few fields over that context, so building them all is cheap.
/// </summary>
internal sealed class WorkflowGrpcService(
    GetDefaultCalendarHandler getDefaultCalendar,
    OpenYearHandler openYear,
    GetYearHandler getYear,
    UpdateCalendarHandler updateCalendar,
    RetryScheduledWorkHandler retryScheduledWork,
    YearViewReader yearViews,
    GetCycleHandler getCycle,
    ListCyclesHandler listCycles,
    SubmitCommitmentHandler submitCommitment,
    SubmitDeclarationHandler submitDeclaration,
    SubmitOpinionHandler submitOpinion,
    ListOpinionsHandler listOpinions,
    RaiseObjectionHandler raiseObjection,
    ResolveObjectionHandler resolveObjection,
    AdvancePhaseHandler advancePhase,
    DetermineHandler determine,
    ApplyOutcomeHandler applyOutcome,
    ReopenCycleHandler reopenCycle,
    CollegeClock clock) : WorkflowService.WorkflowServiceBase
{
    public override Task<GetDefaultCalendarResponse> GetDefaultCalendar(GetDefaultCalendarRequest request, ServerCallContext context) =>
        Task.FromResult(new GetDefaultCalendarResponse { Calendar = getDefaultCalendar.Handle(request.Year).ToProto() });

    public override async Task<OpenYearResponse> OpenYear(OpenYearRequest request, ServerCallContext context)
    {
        var result = await openYear.HandleAsync(request.Year, request.Calendar.ToOverrides(), CallerIdentity.Or(request.Actor), context.CancellationToken);
        var view = await yearViews.ReadAsync(result.Year, context.CancellationToken);
        return new OpenYearResponse { Year = view.ToProto(), Opened = result.Opened };
    }

    public override async Task<GetYearResponse> GetYear(GetYearRequest request, ServerCallContext context) =>
        new() { Year = (await getYear.HandleAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<RetryScheduledWorkResponse> RetryScheduledWork(RetryScheduledWorkRequest request, ServerCallContext context) =>
        new() { Year = (await retryScheduledWork.HandleAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<UpdateCalendarResponse> UpdateCalendar(UpdateCalendarRequest request, ServerCallContext context)
    {
        var year = await updateCalendar.HandleAsync(request.Year, request.Calendar.ToOverrides(), context.CancellationToken);
        return new UpdateCalendarResponse { Year = (await yearViews.ReadAsync(year, context.CancellationToken)).ToProto() };
    }

    public override async Task<GetCycleResponse> GetCycle(GetCycleRequest request, ServerCallContext context)
    {
        var view = await getCycle.HandleAsync(request.Year, request.StaffNumber, context.CancellationToken);
        var cycle = view.Cycle.ToProto(view.AsOf);
        cycle.DeterminableRatings.AddRange(view.DeterminableRatings.Select(r => (V1.Rating)(int)r));
        return new GetCycleResponse { Cycle = cycle };
    }

    public override async Task<ListCyclesResponse> ListCycles(ListCyclesRequest request, ServerCallContext context)
    {
        var page = await listCycles.HandleAsync(
            request.Year, request.BranchCode, (int)request.State, request.PageSize, request.PageToken, context.CancellationToken);
        var now = clock.UtcNow;
        var response = new ListCyclesResponse { NextPageToken = page.NextPageToken };
        response.Cycles.AddRange(page.Cycles.Select(c => c.ToProto(now, withHistory: false)));
        return response;
    }

    public override async Task<SubmitCommitmentResponse> SubmitCommitment(SubmitCommitmentRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await submitCommitment.HandleAsync(input, request.Commitment, context.CancellationToken);
        return new SubmitCommitmentResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<SubmitDeclarationResponse> SubmitDeclaration(SubmitDeclarationRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await submitDeclaration.HandleAsync(input, StepRequestMapping.HalfOf(request.Half), request.Content, context.CancellationToken);
        return new SubmitDeclarationResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<SubmitOpinionResponse> SubmitOpinion(SubmitOpinionRequest request, ServerCallContext context)
    {
        var input = new OpinionInput(request.Year, request.StaffNumber, (int)request.Channel, request.Content, request.Author, request.Anonymous, request.RequestId);
        var result = await submitOpinion.HandleAsync(input, context.CancellationToken);
        return new SubmitOpinionResponse { OpinionCount = result.OpinionCount, Replayed = result.Replayed };
    }

    public override async Task<ListOpinionsResponse> ListOpinions(ListOpinionsRequest request, ServerCallContext context)
    {
        var page = await listOpinions.HandleAsync(
            request.Year, request.StaffNumber, request.BranchCode, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListOpinionsResponse { NextPageToken = page.NextPageToken };
        response.Opinions.AddRange(page.Opinions.Select(o => o.ToProto()));
        return response;
    }

    public override async Task<RaiseObjectionResponse> RaiseObjection(RaiseObjectionRequest request, ServerCallContext context)
    {
        var (cycle, objectionId) = await raiseObjection.HandleAsync(Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), null), request.Content, context.CancellationToken);
        return new RaiseObjectionResponse { Cycle = cycle.ToProto(clock.UtcNow), ObjectionId = objectionId };
    }

    public override async Task<ResolveObjectionResponse> ResolveObjection(ResolveObjectionRequest request, ServerCallContext context)
    {
        var cycle = await resolveObjection.HandleAsync(
            Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), null), request.ObjectionId, request.Upheld, request.Resolution, request.CorrectedFactIds, context.CancellationToken);
        return new ResolveObjectionResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<AdvancePhaseResponse> AdvancePhase(AdvancePhaseRequest request, ServerCallContext context)
    {
        var target = StepRequestMapping.AdvanceTargetOf(request.TargetState, request.TargetSubState);
        var results = await advancePhase.HandleAsync(request.Year, request.BranchCode, target, CallerIdentity.Or(request.Actor), context.CancellationToken, request.ValidateOnly);
        var response = new AdvancePhaseResponse();
        response.Results.AddRange(results.Select(r =>
        {
            var (state, subState) = CycleMapping.StateOf(r.Status);
            return new V1.AdvanceResult { StaffNumber = r.StaffNumber, Moved = r.Moved, Reason = r.Reason, State = state, SubState = subState, Blocker = (V1.AdvanceBlocker)(int)r.Blocker };
        }));
        response.MovedCount = results.Count(r => r.Moved);
        response.NotMovedCount = results.Count(r => !r.Moved);
        return response;
    }

    public override async Task<DetermineResponse> Determine(DetermineRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await determine.HandleAsync(input, (int)request.Rating, request.PeerReviewSummary, request.SecretaryComment, context.CancellationToken);
        return new DetermineResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<ApplyOutcomeResponse> ApplyOutcome(ApplyOutcomeRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await applyOutcome.HandleAsync(input, request.Commendation, request.HelpPlan, context.CancellationToken);
        return new ApplyOutcomeResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<ReopenCycleResponse> ReopenCycle(ReopenCycleRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await reopenCycle.HandleAsync(input, request.Reason, context.CancellationToken);
        return new ReopenCycleResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    private static StepInput Step(int year, string staffNumber, string actor, long? expectedVersion) => new(year, staffNumber, actor, expectedVersion);
}
