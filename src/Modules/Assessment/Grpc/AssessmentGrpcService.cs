using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Modules.Assessment.Features.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.ListFacts;
using Chuangji.Workflow.Modules.Assessment.Features.RecordFacts;
using Chuangji.Workflow.Modules.Assessment.Features.RevokeFact;
using Chuangji.Workflow.Modules.Assessment.Features.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Features.Summary;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>Thin: maps each call onto its handler and the answer back onto the contract.</summary>
internal sealed class AssessmentGrpcService(IServiceProvider services) : AssessmentService.AssessmentServiceBase
{
    public override async Task<GetRubricResponse> GetRubric(GetRubricRequest request, ServerCallContext context) =>
        new() { Rubric = (await Handler<RubricBook>().GetAsync(request.Year, context.CancellationToken)).ToProto() };

    public override async Task<ReplaceRubricResponse> ReplaceRubric(ReplaceRubricRequest request, ServerCallContext context)
    {
        var rubric = RubricFromProto.Read(request.Rubric);
        var replaced = await Handler<RubricBook>().ReplaceAsync(request.Year, rubric, request.Note, context.CancellationToken);
        return new ReplaceRubricResponse { Rubric = replaced.ToProto() };
    }

    public override async Task<RecordEventResponse> RecordEvent(RecordEventRequest request, ServerCallContext context)
    {
        var outcomes = await Handler<RecordFactsHandler>().HandleAsync([request.Fact.ToInput()], _ => "fact.", context.CancellationToken);
        var outcome = outcomes[0];
        return outcome.Error is { } error
            ? throw error
            : new RecordEventResponse { Fact = outcome.Fact!.ToProto(), Replayed = outcome.Result == Facts.FactWriteResult.Replayed };
    }

    public override async Task<RecordEventsResponse> RecordEvents(RecordEventsRequest request, ServerCallContext context)
    {
        if (request.Facts.Count is 0 or > RecordFactsHandler.MaxRows)
        {
            throw new InvalidArgumentException("facts", $"must hold 1 to {RecordFactsHandler.MaxRows} rows, not {request.Facts.Count}");
        }

        var rows = request.Facts.Select(f => f.ToInput()).ToList();
        var outcomes = await Handler<RecordFactsHandler>().HandleAsync(rows, _ => string.Empty, context.CancellationToken);
        var response = new RecordEventsResponse();
        response.Results.AddRange(outcomes.Select(o => o.ToProto()));
        response.RecordedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Recorded);
        response.ReplayedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Replayed);
        response.RejectedCount = response.Results.Count(r => r.Outcome == Proto.RecordOutcome.Rejected);
        return response;
    }

    public override async Task<RevokeEventResponse> RevokeEvent(RevokeEventRequest request, ServerCallContext context)
    {
        var fact = await Handler<RevokeFactHandler>().HandleAsync(new RevokeFactCommand(request.FactId, request.Reason, CallerIdentity.Or(request.RevokedBy)), context.CancellationToken);
        return new RevokeEventResponse { Fact = fact.ToProto() };
    }

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var query = new ListFactsQuery(request.Year, request.StaffNumber, request.Kind, request.IncludeRevoked, request.PageSize, request.PageToken, request.BranchCode);
        var page = await Handler<ListFactsHandler>().HandleAsync(query, context.CancellationToken);
        var response = new ListEventsResponse { NextPageToken = page.NextPageToken };
        response.Facts.AddRange(page.Facts.Select(f => f.ToProto()));
        return response;
    }

    public override async Task<GetScorecardResponse> GetScorecard(GetScorecardRequest request, ServerCallContext context)
    {
        var entry = await Handler<ScorecardService>().GetAsync(request.StaffNumber, request.Year, TimestampField.Optional("as_of", request.AsOf), context.CancellationToken);
        return new GetScorecardResponse { Scorecard = entry.ToProto() };
    }

    public override async Task<ListScorecardsResponse> ListScorecards(ListScorecardsRequest request, ServerCallContext context)
    {
        var page = await Handler<ListScorecardsHandler>().HandleAsync(
            request.BranchCode, request.Year, TimestampField.Optional("as_of", request.AsOf), request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListScorecardsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Scorecards.AddRange(page.Scorecards.Select(r => new Proto.RankedScorecard { Rank = r.Rank, Scorecard = r.Entry.ToProto() }));
        return response;
    }

    public override async Task<SummarizeYearResponse> SummarizeYear(SummarizeYearRequest request, ServerCallContext context)
    {
        var summary = await Handler<CollegeScoring>().SummarizeAsync(request.Year, TimestampField.Optional("as_of", request.AsOf), context.CancellationToken);
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
        var items = await Handler<BonusItemHandlers>().ProposeAsync(request.Year, request.BranchCode, proposals, context.CancellationToken);
        var response = new ProposeBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ApproveBonusItemsResponse> ApproveBonusItems(ApproveBonusItemsRequest request, ServerCallContext context)
    {
        var decisions = request.Decisions.Select(d => new BonusItemDecisionInput(d.Code, d.Approve, d.Note)).ToList();
        var items = await Handler<BonusItemHandlers>().DecideAsync(request.Year, decisions, context.CancellationToken);
        var response = new ApproveBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<ListBonusItemsResponse> ListBonusItems(ListBonusItemsRequest request, ServerCallContext context)
    {
        var items = await Handler<BonusItemHandlers>().ListAsync(request.Year, request.BranchCode, context.CancellationToken);
        var response = new ListBonusItemsResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();
}
