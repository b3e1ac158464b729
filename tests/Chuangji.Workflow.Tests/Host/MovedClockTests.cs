using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.Hosting;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// Chuangji:Clock:Start through the real host on its own clock (no fake): the service, its scheduler and its
/// tokens run on the moved clock in Development, and nowhere else does the host start with it.
/// </summary>
public sealed class MovedClockTests
{
    private static readonly DateTimeOffset BeforeTheCommitmentDeadline = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterTheCommitmentDeadline = new(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task InDevelopment_TheServiceAnswersAsOfTheMovedClock_AndItsSchedulerClosesTheDeadlinePassedWhileDown()
    {
        await using var service = await TestService.StartOnServiceClockAsync(MovedTo("2026-01-20T09:00:00+08:00"), Environments.Development);
        var members = await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01");
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1002"), MembersFixtures.Registration("T1003", name: "赵敏") } });
        var workflow = new WorkflowService.WorkflowServiceClient(service.Channel);
        await workflow.OpenYearAsync(new OpenYearRequest { Year = 2026 });
        await workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" });

        await service.RestartAsync(MovedTo("2026-02-02T09:00:00+08:00", TestService.WithScheduler));
        await service.ScheduleCaughtUpAsync(moment: AfterTheCommitmentDeadline);
        workflow = new WorkflowService.WorkflowServiceClient(service.Channel);
        var year = (await workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year;
        var closed = (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle;
        var card = (await new AssessmentService.AssessmentServiceClient(service.Channel).GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1003", Year = 2026 })).Scorecard;

        year.OpenedAt.ToDateTimeOffset().Should().BeCloseTo(BeforeTheCommitmentDeadline, TimeSpan.FromMinutes(1));
        year.Cycles.Select(c => (c.State, c.Cycles)).Should().Equal((CycleState.SelfReport, 2));
        var close = closed.History.Should().ContainSingle().Subject;
        (close.Trigger, close.Actor, close.ToState).Should().Be(("CloseCommitmentPhase", "scheduler", CycleState.SelfReport));
        close.At.ToDateTimeOffset().Should().BeCloseTo(AfterTheCommitmentDeadline, TimeSpan.FromMinutes(1));
        card.AsOf.ToDateTimeOffset().Should().BeCloseTo(AfterTheCommitmentDeadline, TimeSpan.FromMinutes(1));
        card.Items.Single(i => i.Code == "ACHIEVEMENT").Score.Should().Be("13", "the scheduler recorded NO_COMMITMENT at the deadline");
        card.Items.Single(i => i.Code == "DISCIPLINE").Score.Should().Be("16", "no half year has closed on 2026-02-02");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideDevelopment_TheHostRefusesToStartWithAMovedClock_SayingWhy(string environment)
    {
        var start = () => TestService.StartOnServiceClockAsync(MovedTo("2026-02-02T09:00:00+08:00"), environment);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "Chuangji:Clock:Start is set ('2026-02-02T09:00:00+08:00'), but the service clock may be moved only in the Development environment, " +
            $"and this is '{environment}': remove the setting, or walk a year on a copy with ASPNETCORE_ENVIRONMENT=Development");
    }

    [Fact]
    public async Task InDevelopment_AStartThatIsNoInstant_StopsTheHostNamingTheSetting()
    {
        var start = () => TestService.StartOnServiceClockAsync(MovedTo("2026-02-02"), Environments.Development);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().StartWith("Chuangji:Clock:Start is '2026-02-02', not an instant");
    }

    private static Dictionary<string, string?> MovedTo(string start, IReadOnlyDictionary<string, string?>? more = null) =>
        new(more ?? new Dictionary<string, string?>()) { ["Chuangji:Clock:Start"] = start };
}
