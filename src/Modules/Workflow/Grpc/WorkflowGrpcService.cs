using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.V1;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.Advance;
using Chuangji.Workflow.Modules.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Modules.Workflow.Features.Reading;
using Chuangji.Workflow.Modules.Workflow.Features.Steps;
using Chuangji.Workflow.Modules.Workflow.Features.Years;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>Thin: maps each call onto its handler and the answer back onto the contract.</summary>
internal sealed class WorkflowGrpcService(IServiceProvider services, CollegeClock clock) : WorkflowService.WorkflowServiceBase
{
    public override Task<GetDefaultCalendarResponse> GetDefaultCalendar(GetDefaultCalendarRequest request, ServerCallContext context) =>
        Task.FromResult(new GetDefaultCalendarResponse { Calendar = Handler<GetDefaultCalendarHandler>().Handle(request.Year).ToProto() });

    public override async Task<OpenYearResponse> OpenYear(OpenYearRequest request, ServerCallContext context)
    {
        var result = await Handler<OpenYearHandler>().HandleAsync(request.Year, request.Calendar.ToOverrides(), CallerIdentity.Or(request.Actor), context.CancellationToken);
        var view = await Handler<GetYearHandler>().ViewAsync(result.Year, context.CancellationToken);
        return new OpenYearResponse { Year = view.ToProto(), Opened = result.Opened };
    }

    public override async Task<GetYearResponse> GetYear(GetYearRequest request, ServerCallContext context) =>
        new() { Year = (await Handler<GetYearHandler>().HandleAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<RetryScheduledWorkResponse> RetryScheduledWork(RetryScheduledWorkRequest request, ServerCallContext context) =>
        new() { Year = (await Handler<RetryScheduledWorkHandler>().HandleAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<UpdateCalendarResponse> UpdateCalendar(UpdateCalendarRequest request, ServerCallContext context)
    {
        var year = await Handler<UpdateCalendarHandler>().HandleAsync(request.Year, request.Calendar.ToOverrides(), context.CancellationToken);
        return new UpdateCalendarResponse { Year = (await Handler<GetYearHandler>().ViewAsync(year, context.CancellationToken)).ToProto() };
    }

    public override async Task<GetCycleResponse> GetCycle(GetCycleRequest request, ServerCallContext context)
    {
        var cycle = await Handler<CycleStore>().CycleAsync(request.Year, request.StaffNumber, context.CancellationToken);
        return new GetCycleResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<ListCyclesResponse> ListCycles(ListCyclesRequest request, ServerCallContext context)
    {
        var page = await Handler<ListCyclesHandler>().HandleAsync(
            request.Year, request.BranchCode, (int)request.State, request.PageSize, request.PageToken, context.CancellationToken);
        var now = clock.UtcNow;
        var response = new ListCyclesResponse { NextPageToken = page.NextPageToken };
        response.Cycles.AddRange(page.Cycles.Select(c => c.ToProto(now, withHistory: false)));
        return response;
    }

    public override async Task<SubmitCommitmentResponse> SubmitCommitment(SubmitCommitmentRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await Handler<SimpleStepHandlers>().SubmitCommitmentAsync(input, request.Commitment, context.CancellationToken);
        return new SubmitCommitmentResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<SubmitDeclarationResponse> SubmitDeclaration(SubmitDeclarationRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await Handler<SimpleStepHandlers>().SubmitDeclarationAsync(input, (int)request.Half, request.Content, context.CancellationToken);
        return new SubmitDeclarationResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<SubmitOpinionResponse> SubmitOpinion(SubmitOpinionRequest request, ServerCallContext context)
    {
        var input = new OpinionInput(request.Year, request.StaffNumber, (int)request.Channel, request.Content, request.Author, request.Anonymous, request.RequestId);
        var result = await Handler<SubmitOpinionHandler>().HandleAsync(input, context.CancellationToken);
        return new SubmitOpinionResponse { OpinionCount = result.OpinionCount, Replayed = result.Replayed };
    }

    public override async Task<ListOpinionsResponse> ListOpinions(ListOpinionsRequest request, ServerCallContext context)
    {
        var page = await Handler<ListOpinionsHandler>().HandleAsync(
            request.Year, request.StaffNumber, request.BranchCode, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListOpinionsResponse { NextPageToken = page.NextPageToken };
        response.Opinions.AddRange(page.Opinions.Select(o => o.ToProto()));
        return response;
    }

    public override async Task<RaiseObjectionResponse> RaiseObjection(RaiseObjectionRequest request, ServerCallContext context)
    {
        var (cycle, objectionId) = await Handler<ObjectionHandlers>().RaiseAsync(Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), null), request.Content, context.CancellationToken);
        return new RaiseObjectionResponse { Cycle = cycle.ToProto(clock.UtcNow), ObjectionId = objectionId };
    }

    public override async Task<ResolveObjectionResponse> ResolveObjection(ResolveObjectionRequest request, ServerCallContext context)
    {
        var cycle = await Handler<ObjectionHandlers>().ResolveAsync(
            Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), null), request.ObjectionId, request.Upheld, request.Resolution, request.CorrectedFactIds, context.CancellationToken);
        return new ResolveObjectionResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<AdvancePhaseResponse> AdvancePhase(AdvancePhaseRequest request, ServerCallContext context)
    {
        var target = AdvanceTarget.From((int)request.TargetState, (int)request.TargetSubState);
        var results = await Handler<AdvancePhaseHandler>().HandleAsync(request.Year, request.BranchCode, target, CallerIdentity.Or(request.Actor), context.CancellationToken);
        var response = new AdvancePhaseResponse();
        response.Results.AddRange(results.Select(r =>
        {
            var (state, subState) = CycleMapping.StateOf(r.Status);
            return new V1.AdvanceResult { StaffNumber = r.StaffNumber, Moved = r.Moved, Reason = r.Reason, State = state, SubState = subState };
        }));
        response.MovedCount = results.Count(r => r.Moved);
        response.NotMovedCount = results.Count(r => !r.Moved);
        return response;
    }

    public override async Task<DetermineResponse> Determine(DetermineRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await Handler<DetermineHandler>().HandleAsync(input, (int)request.Rating, request.PeerReviewSummary, request.SecretaryComment, context.CancellationToken);
        return new DetermineResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<ApplyOutcomeResponse> ApplyOutcome(ApplyOutcomeRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await Handler<ApplyOutcomeHandler>().HandleAsync(input, request.Commendation, request.HelpPlan, context.CancellationToken);
        return new ApplyOutcomeResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    public override async Task<ReopenCycleResponse> ReopenCycle(ReopenCycleRequest request, ServerCallContext context)
    {
        var input = Step(request.Year, request.StaffNumber, CallerIdentity.Or(request.Actor), request.HasExpectedVersion ? request.ExpectedVersion : null);
        var cycle = await Handler<SimpleStepHandlers>().ReopenAsync(input, request.Reason, context.CancellationToken);
        return new ReopenCycleResponse { Cycle = cycle.ToProto(clock.UtcNow) };
    }

    private static StepInput Step(int year, string staffNumber, string actor, long? expectedVersion) => new(year, staffNumber, actor, expectedVersion);

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();
}
