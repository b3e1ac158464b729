using Chuangji.Assessment.V1;
using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Features.ApproveBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.GetRubric;
using Chuangji.Workflow.Modules.Assessment.Features.GetScorecard;
using Chuangji.Workflow.Modules.Assessment.Features.ListBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.ListEvents;
using Chuangji.Workflow.Modules.Assessment.Features.ListScorecards;
using Chuangji.Workflow.Modules.Assessment.Features.ProposeBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.RecordEvent;
using Chuangji.Workflow.Modules.Assessment.Features.RecordEvents;
using Chuangji.Workflow.Modules.Assessment.Features.ReplaceRubric;
using Chuangji.Workflow.Modules.Assessment.Features.RevokeEvent;
using Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;
using Grpc.Core;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>
/// Thin: maps each call onto its handler and the answer back onto the contract. Every handler is
/// injected (the service is created per call), so what each RPC needs shows in the constructor.
/// </summary>
internal sealed class AssessmentGrpcService(
    GetRubricHandler getRubric,
    ReplaceRubricHandler replaceRubric,
    RecordEventHandler recordEvent,
    RecordEventsHandler recordEvents,
    RevokeEventHandler revokeEvent,
    ListEventsHandler listEvents,
    GetScorecardHandler getScorecard,
    ListScorecardsHandler listScorecards,
    SummarizeYearHandler summarizeYear,
    ProposeBonusItemsHandler proposeBonusItems,
    ApproveBonusItemsHandler approveBonusItems,
    ListBonusItemsHandler listBonusItems) : AssessmentService.AssessmentServiceBase
{
    public override async Task<GetRubricResponse> GetRubric(GetRubricRequest request, ServerCallContext context) =>
        new() { Rubric = (await getRubric.HandleAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<ReplaceRubricResponse> ReplaceRubric(ReplaceRubricRequest request, ServerCallContext context)
    {
        var rubric = RubricFromProto.Read(request.Rubric);
        var replaced = await replaceRubric.HandleAsync(request.Year, rubric, request.Note, context.CancellationToken);
        return new ReplaceRubricResponse { Rubric = replaced.ToProto() };
    }

    public override async Task<RecordEventResponse> RecordEvent(RecordEventRequest request, ServerCallContext context)
    {
        var outcome = await recordEvent.HandleAsync(request.Fact.ToInput(), context.CancellationToken);
        return new RecordEventResponse { Fact = outcome.Fact!.ToProto(), Replayed = outcome.Result == FactWriteResult.Replayed };
    }

    public override async Task<RecordEventsResponse> RecordEvents(RecordEventsRequest request, ServerCallContext context)
    {
        var outcomes = await recordEvents.HandleAsync(request.Facts.Select(f => f.ToInput()).ToList(), context.CancellationToken);
        var response = new RecordEventsResponse();
        response.Results.AddRange(outcomes.Select(o => o.ToProto()));
        response.RecordedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Recorded);
        response.ReplayedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Replayed);
        response.RejectedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Rejected);
        return response;
    }

    public override async Task<RevokeEventResponse> RevokeEvent(RevokeEventRequest request, ServerCallContext context)
    {
        var fact = await revokeEvent.HandleAsync(new RevokeFactCommand(request.FactId, request.Reason, CallerIdentity.Or(request.RevokedBy)), context.CancellationToken);
        return new RevokeEventResponse { Fact = fact.ToProto() };
    }

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var query = new ListFactsQuery(request.Year, request.StaffNumber, request.Kind, request.IncludeRevoked, request.PageSize, request.PageToken, request.BranchCode);
        var page = await listEvents.HandleAsync(query, context.CancellationToken);
        var response = new ListEventsResponse { NextPageToken = page.NextPageToken };
        response.Facts.AddRange(page.Facts.Select(f => f.ToProto()));
        return response;
    }

    public override async Task<GetScorecardResponse> GetScorecard(GetScorecardRequest request, ServerCallContext context)
    {
        var entry = await getScorecard.HandleAsync(request.StaffNumber, request.Year, TimestampField.Optional("as_of", request.AsOf), context.CancellationToken);
        return new GetScorecardResponse { Scorecard = entry.ToProto() };
    }

    public override async Task<ListScorecardsResponse> ListScorecards(ListScorecardsRequest request, ServerCallContext context)
    {
        var page = await listScorecards.HandleAsync(
            request.BranchCode, request.Year, TimestampField.Optional("as_of", request.AsOf), request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListScorecardsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Scorecards.AddRange(page.Scorecards.Select(r => new Proto.RankedScorecard { Rank = r.Rank, Scorecard = r.Entry.ToProto() }));
        return response;
    }

    public override async Task<SummarizeYearResponse> SummarizeYear(SummarizeYearRequest request, ServerCallContext context)
    {
        var summary = await summarizeYear.HandleAsync(request.Year, TimestampField.Optional("as_of", request.AsOf), context.CancellationToken);
        var response = new SummarizeYearResponse
        {
            Year = summary.Year,
            RubricVersion = summary.RubricVersion,
            AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(summary.AsOf),
            Members = summary.Members,
            Vetoed = summary.Vetoed,
            AverageTotal = DecimalText.Format(summary.AverageTotal),
        };
        response.Ratings.AddRange(summary.Ratings.Select(r => new Proto.RatingCount { Rating = r.Rating, Name = r.Name, Members = r.Members }));
        return response;
    }

    public override async Task<ProposeBonusItemsResponse> ProposeBonusItems(ProposeBonusItemsRequest request, ServerCallContext context)
    {
        var proposals = request.Items.Select(i => new BonusItemProposalInput(i.Code, i.Name, i.Points)).ToList();
        var items = await proposeBonusItems.HandleAsync(request.Year, request.BranchCode, proposals, context.CancellationToken);
        var response = new ProposeBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ApproveBonusItemsResponse> ApproveBonusItems(ApproveBonusItemsRequest request, ServerCallContext context)
    {
        var decisions = request.Decisions.Select(d => new BonusItemDecisionInput(d.Code, d.Approve, d.Note)).ToList();
        var items = await approveBonusItems.HandleAsync(request.Year, decisions, context.CancellationToken);
        var response = new ApproveBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ListBonusItemsResponse> ListBonusItems(ListBonusItemsRequest request, ServerCallContext context)
    {
        var items = await listBonusItems.HandleAsync(request.Year, request.BranchCode, context.CancellationToken);
        var response = new ListBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }
}
