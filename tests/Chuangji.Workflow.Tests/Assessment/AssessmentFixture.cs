using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Tests.Assessment;

/// <summary>
/// A college of two branches: B01 with in-service T1002 and T1003 and retired R2001, B02 with
/// in-service T2001. The clock stands at 2026-11-25 10:00 in Shanghai: the first half of 2026 has
/// closed, the second half and the year have not.
/// </summary>
public abstract class AssessmentFixture : IAsyncLifetime
{
    private int _requests;

    protected TestService Service { get; private set; } = null!;

    protected AssessmentService.AssessmentServiceClient Assessment { get; private set; } = null!;

    protected MembersService.MembersServiceClient Members => new(Service.Channel);

    public async Task InitializeAsync()
    {
        Service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(TestService.DefaultStart));
        Assessment = new AssessmentService.AssessmentServiceClient(Service.Channel);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    /// <summary>B01's bonus item B01_CONTEST (3 points) for 2026, proposed and approved.</summary>
    protected async Task ApproveContestAsync()
    {
        await Assessment.ProposeBonusItemsAsync(new ProposeBonusItemsRequest
        {
            Year = 2026,
            BranchCode = "B01",
            Items = { new BonusItemProposal { Code = "B01_CONTEST", Name = "教学竞赛获奖", Points = "3" } },
        });
        await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_CONTEST", Approve = true } } });
    }

    protected FactInput Fact(string staffNumber, string kind, string occurredOn = "2026-03-01", int? count = null, string points = "", string? requestId = null)
    {
        var input = new FactInput
        {
            StaffNumber = staffNumber,
            Kind = kind,
            OccurredOn = occurredOn,
            Points = points,
            RecordedBy = "secretary-B01",
            RequestId = requestId ?? $"req-{Interlocked.Increment(ref _requests)}",
        };
        if (count is { } c)
        {
            input.Count = c;
        }

        return input;
    }

    protected async Task<Fact> RecordAsync(string staffNumber, string kind, string occurredOn = "2026-03-01", int? count = null, string points = "") =>
        (await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact(staffNumber, kind, occurredOn, count, points) })).Fact;

    protected async Task<Scorecard> ScorecardAsync(string staffNumber, DateTimeOffset? asOf = null)
    {
        var request = new GetScorecardRequest { StaffNumber = staffNumber, Year = 2026 };
        if (asOf is { } moment)
        {
            request.AsOf = Timestamp.FromDateTimeOffset(moment);
        }

        return (await Assessment.GetScorecardAsync(request)).Scorecard;
    }

    protected static string Item(Scorecard card, string code) => card.Items.Single(i => i.Code == code).Score;
}
