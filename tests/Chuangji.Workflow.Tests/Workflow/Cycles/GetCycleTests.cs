using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

/// <summary>What GetCycle tells a caller: the member's deadlines, the publicity window, every determination, and only the steps this caller may take.</summary>
public sealed class GetCycleTests : WorkflowFixture
{
    private static readonly DateTimeOffset PublicityStart = new(2026, 12, 18, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task GetCycle_ShowsTheMembersOwnDeadlines_FromTheDefaultCalendar()
    {
        await OpenAsync();

        var cycle = await CycleAsync("T1002");

        cycle.Deadlines.Should().Be(new CycleDeadlines
        {
            CommitmentDue = "2026-01-31", FirstHalfReportDue = "2026-07-10", SecondHalfReportDue = "2026-12-10", TimeZone = "Asia/Shanghai",
        });
        cycle.PublicityEndsAt.Should().BeNull("publicity has not started");
    }

    [Fact]
    public async Task GetCycle_InPublicity_SaysWhenTheWindowEnds()
    {
        await OpenAsync();
        await ToPublicityAsync();

        var cycle = await CycleAsync("T1002");

        cycle.State.Should().Be(CycleState.Publicity);
        cycle.PublicityEndsAt.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.FromHours(8)), "five days after 12-18 10:00 in Shanghai");
        (await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, BranchCode = "B01" })).Cycles.Should()
            .OnlyContain(c => c.Deadlines.SecondHalfReportDue == "2026-12-10" && cycle.PublicityEndsAt.Equals(c.PublicityEndsAt));
    }

    [Fact]
    public async Task GetCycle_AfterAReopen_ListsEveryDeterminationNewestFirst_TheFirstSuperseded()
    {
        await OpenAsync();
        await ToPublicityAsync();
        SetClock(12, 23);
        await AdvanceAsync(CycleState.Determination);
        SetClock(12, 24);
        await Workflow.DetermineAsync(Determination("first meeting", Rating.Qualified));
        SetClock(12, 26);
        await Workflow.ReopenCycleAsync(new ReopenCycleRequest { Year = 2026, StaffNumber = "T1002", Reason = "补充材料后重新评定" });
        SetClock(12, 27);
        await Workflow.DetermineAsync(Determination("second meeting", Rating.BasicallyQualified));

        var cycle = await CycleAsync("T1002");

        cycle.Determinations.Select(d => (d.SecretaryComment, d.Rating, d.Superseded)).Should().Equal(
            ("second meeting", Rating.BasicallyQualified, false),
            ("first meeting", Rating.Qualified, true));
        cycle.Determinations[0].Should().Be(cycle.Determination, "the newest is the current one");
        var superseded = cycle.Determinations[1];
        (superseded.SupersededAt.ToDateTimeOffset(), superseded.SupersededBy, superseded.SupersededReason).Should().Be(
            (new DateTimeOffset(2026, 12, 26, 10, 0, 0, TimeSpan.FromHours(8)), "leadership", "补充材料后重新评定"));
        superseded.DeterminedAt.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        (await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, BranchCode = "B01" })).Cycles.Single(c => c.StaffNumber == "T1002")
            .Determination.SecretaryComment.Should().Be("second meeting");
    }

    [Fact]
    public async Task PermittedActions_AreThoseOfTheCaller_AMemberTheirOwnSteps_TheLeadershipEveryStep()
    {
        await OpenAsync();

        (await ActionsAsync(CallerRole.Member, "T1002")).Should().Equal("SubmitCommitment");
        (await ActionsAsync(CallerRole.Secretary, "T1001", "B01")).Should().Equal("SubmitCommitment");
        (await ActionsAsync(CallerRole.Leadership, "leadership")).Should().Equal("SubmitCommitment", "AdvancePhase to CYCLE_STATE_SELF_REPORT");
        (await ActionsAsync(CallerRole.System, "reports", scopes: [SystemScopes.Reports])).Should().BeEmpty("reporting reads, it takes no step");

        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);

        (await ActionsAsync(CallerRole.Member, "T1002")).Should().BeEmpty("opinions come from the masses, and closing mass review is the leadership group's");
        (await ActionsAsync(CallerRole.Secretary, "T1001", "B01")).Should().Equal("SubmitOpinion");
        (await ActionsAsync(CallerRole.Leadership, "leadership")).Should().Equal("SubmitOpinion", "AdvancePhase to CYCLE_STATE_PUBLICITY");
    }

    [Fact]
    public async Task ARefusedStep_NamesOnlyThePermittedActionsTheCallerMayTake()
    {
        await OpenAsync();
        using var channel = ChannelAs(CallerRole.Member, "T1002");
        var member = new WorkflowService.WorkflowServiceClient(channel);
        var commitment = new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" };
        await member.SubmitCommitmentAsync(commitment);

        var error = await member.SubmitCommitmentAsync(commitment).ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Be("SubmitDeclaration for HALF_YEAR_FIRST");
        error.Status.Detail.Should().EndWith("permitted: SubmitDeclaration for HALF_YEAR_FIRST");
    }

    /// <summary>T1002's cycle as this caller sees it (a token issued on the clock as it stands).</summary>
    private async Task<IReadOnlyList<string>> ActionsAsync(CallerRole role, string subject, string? branch = null, IReadOnlyList<string>? scopes = null)
    {
        using var channel = ChannelAs(role, subject, branch, scopes);
        var cycle = (await new WorkflowService.WorkflowServiceClient(channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1002" })).Cycle;
        return cycle.PermittedActions;
    }

    private async Task ToPublicityAsync()
    {
        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);
        Service.Time.SetUtcNow(PublicityStart);
        await AdvanceAsync(CycleState.Publicity);
    }

    private static DetermineRequest Determination(string comment, Rating rating) => new()
    {
        Year = 2026, StaffNumber = "T1002", Rating = rating, PeerReviewSummary = "党员互评：认真负责", SecretaryComment = comment,
    };
}
