using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// 亮绩 in a real browser: the documents college walked to publicity (12-18 to 12-23; T1003 objected on 12-19), and T1002
/// raising an objection to the posted result from the phone.
/// </summary>
[RunsLong]
public sealed class MemberObjectionConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(seed: null, start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_host.Channel, _host.Time);
        await DocumentsCollege.EnterPublicityAsync(_host.Channel, _host.Time);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DuringPublicity_AMember_RaisesAnObjection_AndSeesItWaitForTheBranch()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#object");

        (await Text(page, "#stage")).Should().Be("亮绩（公示）");
        // By hand (the documents college): T1002 100 − 4 (two absences) + 3 (a city award) = 99.
        (await Text(page, "#total")).Should().Be("99");
        await page.TypeAsync("#object-text", "三月十二日的缺席已请假");
        await page.ClickAsync("#object button");
        await page.WaitForSelectorAsync("#objections-heading ~ p");

        (await Text(page, "#objections-heading ~ p")).Should().Be("2026年12月19日 10:00：三月十二日的缺席已请假（待处理）");
        var cycle = (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1002" })).Cycle;
        cycle.Objections.Should().ContainSingle().Which.Content.Should().Be("三月十二日的缺席已请假");
    }

    [Fact]
    public async Task TheSecretary_DismissesAnObjection_WithTheReason_AndItLeavesTheList()
    {
        await new Chuangji.Members.V1.MembersService.MembersServiceClient(_host.Channel).ImportMembersAsync(
            new Chuangji.Members.V1.ImportMembersRequest { Members = { Members.MembersFixtures.Registration("T1001", "B01", name: "王建国") } });
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#resolve-heading ~ form");

        (await Text(page, "#resolve-heading ~ form p")).Should().Be("赵敏（T1003）：迟到只有两次");
        await page.ClickAsync("#resolve-heading ~ form button");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#resolve-heading ~ form textarea').validity.valueMissing")).Should().BeTrue();
        await page.TypeAsync("#resolve-heading ~ form textarea", "经核实签到记录，确为迟到三次");
        await page.ClickAsync("#resolve-heading ~ form button");
        await page.WaitForSelectorAsync("[role=status]");

        (await Text(page, "[role=status]")).Should().Be("已处理 T1003 的异议。");
        (await Text(page, "#resolve-heading ~ p")).Should().Be("没有待处理的异议。");
        var objection = (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle.Objections.Single();
        (objection.Status, objection.Resolution, objection.ResolvedBy).Should().Be((ObjectionStatus.Dismissed, "经核实签到记录，确为迟到三次", "T1001"));
    }

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
