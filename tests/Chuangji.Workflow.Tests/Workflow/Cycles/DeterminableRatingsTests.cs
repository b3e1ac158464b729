using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

/// <summary>
/// GetCycle names the ratings the branch meeting may record, while Determine is permitted: the documents college walked
/// into determination (12-23), where T1002 totals 99 (优秀 suggested), T2001 76 (合格), R2001 has a veto.
/// </summary>
public sealed class DeterminableRatingsTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
        await DocumentsCollege.EnterPublicityAsync(_service);
        _service.Time.SetUtcNow(DocumentsCollege.PublicityCloses);
        await new WorkflowService.WorkflowServiceClient(_service.Channel).AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Determination });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task TheRatingsOffered_AreThoseTheScorecardAllows_AndOnlyToWhoMayDetermine()
    {
        var workflow = new WorkflowService.WorkflowServiceClient(_service.Channel);
        async Task<IReadOnlyList<Rating>> RatingsOf(string staffNumber) =>
            (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staffNumber })).Cycle.DeterminableRatings;

        (await RatingsOf("T1002")).Should().Equal(Rating.Excellent, Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified);
        (await RatingsOf("T2001")).Should().Equal(Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified);
        (await RatingsOf("R2001")).Should().Equal(Rating.Unqualified);
        using var member = _service.ChannelWith(_service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1))));
        var own = (await new WorkflowService.WorkflowServiceClient(member).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1002" })).Cycle;
        own.PermittedActions.Should().NotContain("Determine");
        own.DeterminableRatings.Should().BeEmpty("the member does not record their own determination");

        var refused = await workflow.DetermineAsync(new DetermineRequest { Year = 2026, StaffNumber = "T2001", Rating = Rating.Excellent, PeerReviewSummary = "互评", SecretaryComment = "点评" })
            .ShouldFailWith(Grpc.Core.StatusCode.InvalidArgument);
        refused.ViolatedFields().Should().Equal("rating");
        await workflow.DetermineAsync(new DetermineRequest { Year = 2026, StaffNumber = "T2001", Rating = Rating.BasicallyQualified, PeerReviewSummary = "互评", SecretaryComment = "点评" });
        (await RatingsOf("T2001")).Should().BeEmpty("once determined, Determine is no longer permitted");
    }
}

/// <summary>The ratings offered are exactly those the meeting's own check lets through, for every kind of scorecard.</summary>
public sealed class RatingRulesTests
{
    [Theory]
    [InlineData(false, "EXCELLENT")]
    [InlineData(false, "QUALIFIED")]
    [InlineData(false, "BASICALLY_QUALIFIED")]
    [InlineData(false, "UNQUALIFIED")]
    [InlineData(true, "UNQUALIFIED")]
    public void Permitted_IsWhatCheckAccepts(bool vetoed, string suggested)
    {
        var scorecard = new Chuangji.Workflow.Modules.Assessment.Contracts.ScorecardSnapshot("{}", 90m, suggested, vetoed, 1);
        var all = Enum.GetValues<Chuangji.Workflow.Modules.Workflow.Domain.Cycles.Rating>();

        var accepted = all.Where(rating =>
        {
            try
            {
                Chuangji.Workflow.Modules.Workflow.Features.Determine.RatingRules.Check(rating, scorecard);
                return true;
            }
            catch (Chuangji.Workflow.BuildingBlocks.Errors.InvalidArgumentException)
            {
                return false;
            }
        });

        Chuangji.Workflow.Modules.Workflow.Features.Determine.RatingRules.Permitted(scorecard).Should().Equal(accepted);
    }
}
