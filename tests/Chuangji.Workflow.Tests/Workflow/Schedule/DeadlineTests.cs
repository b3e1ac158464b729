using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Schedule;

public sealed class DeadlineTests : ScheduleFixture
{
    [Fact]
    public async Task CommitmentDeadline_WhenItsDayIsOver_ClosesThePhaseAsTheLeadershipWould_RecordingNoCommitment()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        await ClockToAsync(1, 31, 23, 59);
        (await CycleAsync("T1003")).State.Should().Be(CycleState.Commitment, "the deadline's day is not over yet");

        await ClockToAsync(2, 1, 0, 1);
        var t1003 = await CycleAsync("T1003");

        (t1003.State, t1003.SubState, t1003.CommitmentMissing).Should().Be((CycleState.SelfReport, CycleSubState.FirstHalf, true));
        t1003.History.Should().ContainSingle().Which.Actor.Should().Be("scheduler");
        (await CycleAsync("T1002")).History.Should().ContainSingle().Which.Trigger.Should().Be("SubmitCommitment");
        (await FactsOfKindAsync("NO_COMMITMENT")).Should().Equal("R2001", "T1003", "T2001");
    }

    [Fact]
    public async Task SelfReportDeadlines_CloseTheFirstHalfThenTheState_MarkingMissingDeclarations()
    {
        await OpenAsync();
        await CommitAsync("T1002");
        await Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = "T1002", Half = HalfYear.First, Content = "述绩", Actor = "T1002" });

        await ClockToAsync(7, 11, 0);
        var afterFirstHalf = await CycleAsync("T1003");
        await ClockToAsync(12, 11, 0);
        var t1002 = await CycleAsync("T1002");
        var t1003 = await CycleAsync("T1003");

        (afterFirstHalf.SubState, afterFirstHalf.FirstHalfDeclarationMissing).Should().Be((CycleSubState.SecondHalf, true));
        (t1003.State, t1003.FirstHalfDeclarationMissing, t1003.SecondHalfDeclarationMissing).Should().Be((CycleState.MassReview, true, true));
        (t1002.State, t1002.FirstHalfDeclarationMissing, t1002.SecondHalfDeclarationMissing).Should().Be((CycleState.MassReview, false, true));
        t1003.History.Select(t => t.Trigger).Should().Equal("CloseCommitmentPhase", "CloseFirstHalf", "CloseSelfReport");
    }

    [Fact]
    public async Task ADeadlineThatFellWhileTheServiceWasDown_IsDoneOnceWhenItComesBack_AndNeverAgain()
    {
        await OpenAsync();

        await Service.RestartAsync(clockWhileDown: new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        await Service.ScheduleCaughtUpAsync();
        await Service.RestartAsync();
        await Service.ScheduleCaughtUpAsync();

        var t1003 = await CycleAsync("T1003");
        t1003.State.Should().Be(CycleState.SelfReport);
        t1003.History.Should().ContainSingle(t => t.Trigger == "CloseCommitmentPhase");
        (await LedgerAsync()).Should().ContainSingle(r => r.Key == "2026/CloseCommitment/2026-01-31")
            .Which.RanAt.Should().Be(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(8)).UtcTicks, "it ran after the first restart, and only then");
        (await FactsOfKindAsync("NO_COMMITMENT")).Should().Equal("R2001", "T1002", "T1003", "T2001");
        (await AllRemindersAsync()).Should().BeEmpty("every reminder of the commitment deadline fell due while it had already passed");
    }

    [Fact]
    public async Task ACalendarChange_MovesTheDeadline_AndTheOldDateClosesNothing()
    {
        await OpenAsync();
        await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest { Year = 2026, Calendar = new CalendarOverrides { CommitmentDue = "2026-02-15" } });

        Service.Time.SetUtcNow(new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(8)));
        await RunScheduleNowAsync();
        (await CycleAsync("T1003")).State.Should().Be(CycleState.Commitment);

        await ClockToAsync(2, 16, 0, 1);
        (await CycleAsync("T1003")).State.Should().Be(CycleState.SelfReport);
    }

    [Fact]
    public async Task ACloseThatFails_HoldsBackOnlyLaterCloses_ShowsOnTheYear_AndARetryRepairsItOnceFixed()
    {
        await OpenAsync();
        var table = (await Assessment.GetRubricAsync(new Chuangji.Assessment.V1.GetRubricRequest { Year = 2026 })).Rubric;
        var withoutKind = table.Clone();
        withoutKind.FactKinds.Remove(withoutKind.FactKinds.Single(k => k.Kind == "NO_COMMITMENT"));
        await Assessment.ReplaceRubricAsync(new Chuangji.Assessment.V1.ReplaceRubricRequest { Year = 2026, Rubric = withoutKind, Note = "no NO_COMMITMENT" });

        Service.Time.SetUtcNow(new DateTimeOffset(2026, 7, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        await Service.ScheduleCaughtUpAsync(failureExpected: true);

        (await CycleAsync("T1003")).SubState.Should().Be(CycleSubState.FirstHalf, "the first half is not closed over a commitment close that failed");
        var ledger = (await LedgerAsync()).Select(r => r.Key).ToList();
        ledger.Should().NotContain(k => k.Contains("Close", StringComparison.Ordinal));
        ledger.Should().Contain(["2026/QuarterlyCheck/2026-03-31", "2026/QuarterlyCheck/2026-06-30", "2026/HalfYearCheck/2026-06-30"],
            "checks do not wait for a failed close");
        (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, Kind = CheckKind.Quarterly })).Reports.Should().HaveCount(4);

        var failing = (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().ContainSingle().Subject;
        failing.Key.Should().Be("2026/CloseCommitment/2026-01-31");
        failing.Work.Should().Be("CloseCommitment");
        failing.DueAt.ToDateTimeOffset().Should().Be(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        failing.Attempts.Should().BeGreaterThanOrEqualTo(1, "every sweep since has tried it again");
        failing.Reason.Should().Contain("NO_COMMITMENT could not be recorded for 4 of them");
        failing.HoldsBack.Should().Equal("2026/CloseFirstHalf/2026-07-10");

        await Assessment.ReplaceRubricAsync(new Chuangji.Assessment.V1.ReplaceRubricRequest { Year = 2026, Rubric = table, Note = "NO_COMMITMENT back" });
        var retried = (await Workflow.RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2026 })).Year;

        retried.ScheduleFailures.Should().BeEmpty();
        (await CycleAsync("T1003")).SubState.Should().Be(CycleSubState.SecondHalf);
        (await FactsOfKindAsync("NO_COMMITMENT")).Should().Equal("R2001", "T1002", "T1003", "T2001");
        (await LedgerAsync()).Select(r => r.Key).Should().Contain(["2026/CloseCommitment/2026-01-31", "2026/CloseFirstHalf/2026-07-10"]);
    }

    [Fact]
    public async Task RetryScheduledWork_IsTheLeadershipGroupsAlone()
    {
        await OpenAsync();
        using var channel = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));

        await new WorkflowService.WorkflowServiceClient(channel).RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2026 })
            .ShouldFailWith(StatusCode.PermissionDenied);
        await Workflow.RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2031 }).ShouldFailWith(StatusCode.NotFound);
    }

    private async Task<List<(string Key, long RanAt)>> LedgerAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<Chuangji.Workflow.Modules.Workflow.Persistence.WorkflowDbContext>().ScheduleRuns
            .AsNoTracking().Select(r => new { r.Key, r.RanAtUtcTicks }).ToListAsync();
        return runs.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.RanAtUtcTicks)).ToList();
    }
}
