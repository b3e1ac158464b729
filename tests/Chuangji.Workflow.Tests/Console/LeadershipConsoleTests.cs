using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// The leadership group in a real browser: the test college (B01: T1001, T1002, T1003, R2001; B02: T2001) from
/// 2026-01-05, the year opened from the page, T1002 committing, and on 02-01 the commitment phase of B01 closed after a
/// preview.
/// </summary>
[RunsLong]
public sealed class LeadershipConsoleTests : IAsyncLifetime
{
    private static readonly TokenRequest Leadership = new(CallerRole.Leadership, "T1001", null, [], TimeSpan.Zero);

    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheLeadershipGroup_OpensTheYear_ThenAdvancesABranch_AfterAPreviewOfWhoCannotMoveAndWhy()
    {
        var page = await SignInAsync();
        await page.WaitForSelectorAsync("#open-year");
        await page.ClickAsync("#open-year");
        await page.WaitForSelectorAsync("[role=status]");
        (await Text(page, "[role=status]")).Should().Be("已开通2026年度，每名在册党员进入承诺阶段。");
        (await Text(page, "[data-state=CYCLE_STATE_COMMITMENT]")).Should().Be("5");

        var workflow = new WorkflowService.WorkflowServiceClient(_host.Channel);
        await workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" });
        _host.Time.SetUtcNow(DocumentsCollege.At(2, 1));
        page = await SignInAsync();
        await page.WaitForSelectorAsync("#advance");
        await page.SelectAsync("#advance-branch", "B01");
        await page.SelectAsync("#advance-target", "0");
        await page.ClickAsync("#advance button");
        await page.WaitForSelectorAsync("#advance-preview");

        // By hand: B01's T1001, T1003 and R2001 would move; T1002 committed and is already in 述绩.
        (await Text(page, "#advance-preview")).Should().Be("预览：将推进 3 人，1 人不能推进。");
        (await Text(page, "#advance-outcome tbody tr td")).Should().Be("T1002");
        (await Text(page, "#advance-outcome tbody tr td:last-child span")).Should().StartWith("已在该阶段或之后，无需推进", "why, in Chinese; the service's words follow");
        (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle.State.Should().Be(CycleState.Commitment, "a preview moves nothing");

        // With the keyboard, as a person without a mouse would.
        await page.FocusAsync("#advance-confirm");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=status]");

        (await Text(page, "[role=status]")).Should().Be("已推进 3 人，1 人未推进。");
        (await Text(page, "[data-state=CYCLE_STATE_COMMITMENT]")).Should().Be("1", "B02's T2001 was not in scope");
        (await Text(page, "[data-state=CYCLE_STATE_SELF_REPORT]")).Should().Be("4");
        (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle.Should().Match<Cycle>(c => c.State == CycleState.SelfReport && c.CommitmentMissing);
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone's screen");
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            await (await page.QuerySelectorAsync("section[aria-labelledby=advance-heading]")).ScreenshotAsync(Path.Combine(screenshots, "console-leadership.png"));
        }
    }

    [Fact]
    public async Task TheLeadershipGroup_IssuesASignInLink_FromThePage_ThatSignsThePersonIn()
    {
        await new WorkflowService.WorkflowServiceClient(_host.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
        var page = await SignInAsync();
        await page.WaitForSelectorAsync("#link");

        await page.TypeAsync("#link-staff", "X9999");
        await page.ClickAsync("#link button");
        await page.WaitForSelectorAsync("#link-staff-error:not([hidden])");
        (await Text(page, "#link-staff-error")).Should().Contain("X9999", "the service's refusal, under the field it names");

        await page.EvaluateExpressionAsync("document.querySelector('#link-staff').value = ''");
        await page.TypeAsync("#link-staff", "T1003");
        await page.ClickAsync("#link button");
        await page.WaitForSelectorAsync("#link-url");
        var link = await page.EvaluateExpressionAsync<string>("document.querySelector('#link-url').value");

        link.Should().StartWith(_host.Http + "sign-in#");
        var person = await _host.NewPageAsync();
        await person.GoToAsync(link);
        await person.WaitForSelectorAsync("#sign-in:not([hidden]) button");
        await Task.WhenAll(person.WaitForNavigationAsync(), person.ClickAsync("#sign-in button"));
        await person.WaitForSelectorAsync("#who");
        (await Text(person, "#who")).Should().Be("赵敏（党员）");
    }

    private async Task<IPage> SignInAsync()
    {
        var page = await _host.SignedInAsync(Leadership);
        return page;
    }

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
