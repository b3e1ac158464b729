using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// A member in a real browser (headless chromium, phone-sized): the test college on 2026-01-05, the year opened, T1002
/// signing in through a link, committing, and reading the scorecard; never another member's records.
/// </summary>
[RunsLong]
public sealed class MemberConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(MembersFixtures.TestCollege(DocumentsCollege.January5));
        await new WorkflowService.WorkflowServiceClient(_host.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AMember_SignsInThroughALink_Commits_Declares_AndSeesTheCycleMove_ButNotAnotherMembersRecords()
    {
        var page = await _host.NewPageAsync();
        var link = _host.SignInLinkFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.Zero));

        await page.GoToAsync(link);
        await page.WaitForSelectorAsync("#sign-in:not([hidden]) button");
        (await page.EvaluateExpressionAsync<string>("location.hash")).Should().BeEmpty("the page drops the token from the address bar");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#sign-in button"));
        await page.WaitForSelectorAsync("#commit");

        (await Text(page, "#who")).Should().Be("刘洋（党员）");
        (await Text(page, "#stage")).Should().Be("承诺");
        (await Text(page, "#total")).Should().Be("100", "nothing is recorded on 2026-01-05 and no window is judged yet");
        await page.ClickAsync("#commit button");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#commit-text').validity.valueMissing")).Should().BeTrue("an empty commitment is not sent");

        await page.TypeAsync("#commit-text", "全年完成教学任务，帮扶两名学困生");
        await page.ClickAsync("#commit button");
        await page.WaitForSelectorAsync("#commitment");

        (await Text(page, "#commitment")).Should().Be("全年完成教学任务，帮扶两名学困生");
        (await Text(page, "#stage")).Should().Be("述绩·上半年", "a member's commitment moves their own cycle at once");
        (await page.QuerySelectorAsync("#commit")).Should().BeNull("the step is no longer permitted");
        // The README's picture of the member's page: CHUANGJI_WRITE_SCREENSHOTS=<directory>.
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone's screen");
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            await page.ScreenshotAsync(Path.Combine(screenshots, "console-member.png"), new ScreenshotOptions { FullPage = true });
        }

        var cycle = (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1002" })).Cycle;
        cycle.Commitment.Should().Be("全年完成教学任务，帮扶两名学困生");

        await page.TypeAsync("#declare-first-text", "上半年完成教学任务，帮扶学困生两名");
        await page.ClickAsync("#declare-first button");
        await page.WaitForFunctionAsync("() => !document.querySelector('#declare-first')");
        (await Text(page, "#declarations-heading + h3")).Should().Be("上半年");
        (await Text(page, "#declarations-heading ~ p")).Should().Be("上半年完成教学任务，帮扶学困生两名");
        (await Text(page, "#stage")).Should().Be("述绩·下半年", "a member's own declaration moves their cycle at once, as the commitment did");

        var another = await page.GoToAsync(new Uri(_host.Http, "/v1/years/2026/members/T1003/cycle").ToString());
        another.Status.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await another.TextAsync()).Should().Contain("\"code\":7", "PERMISSION_DENIED, as over gRPC");
    }

    [Fact]
    public async Task Without_A_Session_ThePageSaysHowToSignIn()
    {
        var page = await _host.NewPageAsync();

        await page.GoToAsync(_host.Http.ToString());
        await page.WaitForSelectorAsync("main h1");

        (await Text(page, "main h1")).Should().Be("请登录");
        (await page.EvaluateExpressionAsync<string>("document.documentElement.lang")).Should().Be("zh-CN");
    }

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
