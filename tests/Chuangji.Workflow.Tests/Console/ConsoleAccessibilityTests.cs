using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// Every page of the console checked by axe-core against WCAG 2.1 A and AA, with its forms showing: the documents
/// college in publicity (12-20: objections may be raised, the secretary resolves them) and in 评绩 for the facts form.
/// </summary>
[RunsLong]
public sealed class ConsoleAccessibilityTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(seed: null, start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_host.Channel, _host.Time);
        await DocumentsCollege.EnterPublicityAsync(_host.Channel, _host.Time);
        _host.Time.SetUtcNow(DocumentsCollege.At(12, 20));
        await new MembersService.MembersServiceClient(_host.Channel).ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1001", "B01", name: "王建国") } });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheMembersPage_HasNoViolation()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#object");

        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheSecretarysPage_HasNoViolation_WithAFactsOpenAndAnObjectionToResolve()
    {
        await new WorkflowService.WorkflowServiceClient(_host.Channel).RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1003", Content = "党费只迟交过一次" });
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#upload-facts");
        await page.ClickAsync("#rank-T1003 summary");
        await page.WaitForSelectorAsync("#rank-T1003 .facts li");

        (await page.QuerySelectorAllAsync("form[id^=resolve-]")).Should().HaveCount(2, "the walk's objection and this one");
        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheLeadershipGroupsPage_HasNoViolation()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Leadership, "T1001", null, [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#progress article");

        (await Accessibility.ViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheCheck_FindsWhatAPersonWithAScreenReaderWouldMiss()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#object");
        await page.EvaluateExpressionAsync("document.querySelector('#object').append(Object.assign(document.createElement('input'), { id: 'unnamed' }))");

        (await Accessibility.ViolationsAsync(page)).Should().ContainSingle().Which.Should().Be("label (critical): #unnamed");
    }

    [Fact]
    public async Task TheSignInPrompt_TheSignInPage_AndThePublicIndex_HaveNoViolation()
    {
        var page = await _host.NewPageAsync();
        foreach (var path in new[] { "/", "/sign-in", "/publicity", "/publicity/2026/B01" })
        {
            await page.GoToAsync(new Uri(_host.Http, path).ToString());
            await page.WaitForSelectorAsync("h1");
            (await Accessibility.ViolationsAsync(page)).Should().BeEmpty("{0} is for everyone", path);
            (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "{0} fits a phone (a wide list scrolls inside its box)", path);
        }
    }
}
