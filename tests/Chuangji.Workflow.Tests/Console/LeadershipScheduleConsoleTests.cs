using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// Scheduled work that failed, on the leadership group's page: the test college (and T1001 in B01) on the real host
/// with its scheduler, 2026 opened, the commitment close made to fail by a table without NO_COMMITMENT.
/// </summary>
[RunsLong]
public sealed class LeadershipScheduleConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync(scheduler: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AFailedClose_IsShownInChineseWithWhatItHoldsBack_AndRunsAgainFromThePageOnceMended()
    {
        await new WorkflowService.WorkflowServiceClient(_host.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
        var assessment = new AssessmentService.AssessmentServiceClient(_host.Channel);
        var table = (await assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        var withoutKind = table.Clone();
        withoutKind.FactKinds.Remove(withoutKind.FactKinds.Single(k => k.Kind == "NO_COMMITMENT"));
        await assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = withoutKind, Note = "no NO_COMMITMENT" });
        _host.Time.SetUtcNow(DocumentsCollege.At(7, 12, 9));
        await _host.ScheduleCaughtUpAsync(failureExpected: true);

        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Leadership, "T1001", null, [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#schedule-failures");

        var failure = await BrowserHost.TextAsync(page, "#schedule-failures li");
        failure.Should().StartWith("结束承诺阶段（应于 2026年2月1日 00:00，已尝试 ").And.Contain("次，其后 1 项因此等待）：")
            .And.Contain("NO_COMMITMENT could not be recorded for 5 of them", "the why is the service's own");

        await assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = table, Note = "NO_COMMITMENT back" });
        await page.ClickAsync("#retry-scheduled");
        await page.WaitForSelectorAsync("[role=status]");

        (await BrowserHost.TextAsync(page, "[role=status]")).Should().Be("已重新运行，定时任务均已完成。");
        (await page.QuerySelectorAsync("#schedule-failures")).Should().BeNull();
        (await BrowserHost.TextAsync(page, "section[aria-labelledby=glance-heading] p:last-of-type")).Should().Be("定时任务均已按时完成。");
        var cycle = (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle;
        (cycle.State, cycle.SubState, cycle.CommitmentMissing).Should().Be((CycleState.SelfReport, CycleSubState.SecondHalf, true), "the close and the first half's close it held back have run");
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
    }
}
