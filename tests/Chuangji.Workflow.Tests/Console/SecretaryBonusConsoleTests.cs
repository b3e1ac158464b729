using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// A branch's own bonus items proposed on the secretary's page (the test college on 2026-01-05, 2026 opened, T1001 the
/// secretary of B01): a refusal under the field it names, then the item listed as awaiting the leadership group.
/// </summary>
[RunsLong]
public sealed class SecretaryBonusConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync();
        await new WorkflowService.WorkflowServiceClient(_host.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSecretary_ProposesABonusItem_ItAwaitsTheLeadershipGroup()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#bonus");
        (await BrowserHost.TextAsync(page, "#bonus-heading + p")).Should().Be("尚未报送加分项目。");

        await page.TypeAsync("#bonus-code", "B01_TEACHING_CONTEST");
        await page.TypeAsync("#bonus-name", "教学竞赛获奖");
        await page.TypeAsync("#bonus-points", "两分");
        await page.ClickAsync("#bonus button");
        await page.WaitForSelectorAsync("#bonus-points-error:not([hidden])");
        (await BrowserHost.TextAsync(page, "#bonus-points-error")).Should().NotBeEmpty("the service's rule for the points, under the points");

        await page.EvaluateExpressionAsync("document.querySelector('#bonus-points').value = '2'");
        await page.ClickAsync("#bonus button");
        await page.WaitForSelectorAsync("[role=status]");

        (await BrowserHost.TextAsync(page, "[role=status]")).Should().Be("已报送加分项目：教学竞赛获奖，待领导小组审批。");
        (await BrowserHost.TextAsync(page, "#bonus-items li")).Should().Be("教学竞赛获奖（B01_TEACHING_CONTEST，每次 +2 分）：待审批");
        var items = (await new AssessmentService.AssessmentServiceClient(_host.Channel).ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026, BranchCode = "B01" })).Items;
        items.Should().ContainSingle().Which.Should().Match<BonusItem>(i => i.Code == "B01_TEACHING_CONTEST" && i.Points == "2" && i.Status == BonusItemStatus.Proposed);
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
    }
}
