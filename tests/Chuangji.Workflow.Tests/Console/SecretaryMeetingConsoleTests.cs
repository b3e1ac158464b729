using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// 定绩 and 用绩 in a real browser: the documents college walked into determination (12-23), the secretary of B01
/// recording R2001's meeting (vetoed: only 不合格 is offered) and then the help plan the rating calls for.
/// </summary>
[RunsLong]
public sealed class SecretaryMeetingConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(seed: null, start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_host.Channel, _host.Time);
        await DocumentsCollege.EnterPublicityAsync(_host.Channel, _host.Time);
        _host.Time.SetUtcNow(DocumentsCollege.PublicityCloses);
        await new WorkflowService.WorkflowServiceClient(_host.Channel).AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Determination });
        await new MembersService.MembersServiceClient(_host.Channel).ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1001", "B01", name: "王建国") } });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSecretary_RecordsTheMeeting_OfferedOnlyTheRatingsTheScorecardAllows_ThenTheHelpPlan()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#determine-R2001");

        // The masses' opinions the walk brought in, for the meeting to read: the signed one with its author, the anonymous one without.
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#opinions li')].map(li => li.textContent)")).Should().Equal(
            "刘洋（T1002） 2026年12月11日 · 论坛 · 学生代表：备课认真",
            "赵敏（T1003） 2026年12月11日 · 意见箱 · 匿名：希望多辅导");
        (await Options(page, "#determine-R2001-rating")).Should().Equal("RATING_UNQUALIFIED");
        (await Options(page, "#determine-T1002-rating")).Should().Equal("RATING_EXCELLENT", "RATING_QUALIFIED", "RATING_BASICALLY_QUALIFIED", "RATING_UNQUALIFIED");
        await page.TypeAsync("#determine-R2001-peer_review_summary", "互评认为违法问题性质严重");
        await page.TypeAsync("#determine-R2001-secretary_comment", "按一票否决定为不合格");
        await page.ClickAsync("#determine-R2001 button");
        await page.WaitForSelectorAsync("#outcome-R2001");

        (await Text(page, "[role=status]")).Should().Be("已记录 R2001 的定绩结果。");
        (await page.QuerySelectorAsync("#determine-R2001")).Should().BeNull();
        await page.SelectAsync("#fact-member", "R2001");
        (await Text(page, "#fact-frozen")).Should().Be("该党员已定绩（不合格，定绩总分 86）：此后登记的事实只计入实时评分，不改变定绩结果。");
        await page.SelectAsync("#fact-member", "T1002");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#fact-frozen').hidden")).Should().BeTrue("T1002 is not determined yet");
        await page.ClickAsync("#outcome-R2001 button");
        await page.WaitForSelectorAsync("#outcome-R2001 [role=alert]:not([hidden])");
        (await page.EvaluateExpressionAsync<string>("[...document.querySelectorAll('#outcome-R2001 [role=alert]:not([hidden])')].map(e => e.textContent).join()"))
            .Should().NotBeEmpty("不合格 needs a help plan: the service says so, next to the field it names");
        await page.TypeAsync("#outcome-R2001-help_plan", "支部书记结对帮扶，每月谈心一次");
        await page.ClickAsync("#outcome-R2001 button");
        await page.WaitForFunctionAsync("() => !document.querySelector('#outcome-R2001')");

        (await Text(page, "[role=status]")).Should().Be("已记录 R2001 的用绩结果。");
        var cycle = (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "R2001" })).Cycle;
        (cycle.Determination.Rating, cycle.Determination.DeterminedBy, cycle.Outcome.HelpPlan).Should().Be((Rating.Unqualified, "T1001", "支部书记结对帮扶，每月谈心一次"));
    }

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);

    private static Task<string[]> Options(IPage page, string selector) => page.EvaluateFunctionAsync<string[]>("s => [...document.querySelectorAll(s + ' option')].map(o => o.value)", selector);
}
