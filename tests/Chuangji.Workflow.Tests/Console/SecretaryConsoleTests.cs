using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// A branch secretary in a real browser: the test college on 2026-01-05 (B01: T1002, T1003, retired R2001), T1001 the
/// secretary and a member of B01, registering facts through the form and reading the ranked scorecards.
/// </summary>
[RunsLong]
public sealed class SecretaryConsoleTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheSecretary_RegistersAFact_SeesTheScorecardChange_ThenRevokesItWithAReason()
    {
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#fact");

        (await Text(page, "#rank-T1002 .total")).Should().Be("100");
        await page.SelectAsync("#fact-member", "R2001");
        var retiredKinds = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#fact-kind option')].map(o => o.value)");
        retiredKinds.Should().Contain("CULTURAL_ACTIVITY_ABSENCE").And.NotContain("GOOD_DEED", "在职党员's personal item is not a retired member's");
        await page.SelectAsync("#fact-member", "T1002");
        await page.SelectAsync("#fact-kind", "ROLE_SHORTFALL");
        (await Hidden(page, "#fact-points-field")).Should().BeFalse("a discretionary deduction asks for its points");
        (await Hidden(page, "#fact-count-field")).Should().BeTrue();

        await page.EvaluateExpressionAsync("document.querySelector('#fact-day').value = '2026-01-04'");
        await page.TypeAsync("#fact-points", "20");
        await page.ClickAsync("#fact button");
        await page.WaitForSelectorAsync("#fact-points-error:not([hidden])");
        (await Text(page, "#fact-points-error")).Should().Contain("16", "the service's own words: at most the item's maximum");

        await page.SelectAsync("#fact-kind", "MEETING_ABSENCE");
        (await Hidden(page, "#fact-points-field")).Should().BeTrue("a fixed deduction takes no points");
        await page.EvaluateExpressionAsync("document.querySelector('#fact-day').value = '2026-01-04'");
        await page.ClickAsync("#fact button");
        await page.WaitForSelectorAsync("[role=status]");

        (await Text(page, "[role=status]")).Should().Be("已登记：无故缺席。");
        // By hand: 100 − 2 for one absence; T1001, T1003 and R2001 stay at 100 and share rank 1, so T1002 is 4th.
        (await Text(page, "#rank-T1002 .total")).Should().Be("98");
        (await Text(page, "#rank-T1002 td")).Should().Be("4");
        (await Text(page, "#rank-T1003 td")).Should().Be("1");
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone's screen");
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            await page.ClickAsync("#rank-T1002 summary");
            await BrowserHost.ScreenshotDownToAsync(page, "section[aria-labelledby=ranking-heading]", Path.Combine(screenshots, "console-secretary.png"));
            await page.ClickAsync("#rank-T1002 summary");
        }

        var facts = await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002" });
        facts.Facts.Should().ContainSingle().Which.Should().Match<Fact>(f => f.Kind == "MEETING_ABSENCE" && f.RecordedBy == "T1001");

        // The line leads to its fact, which can be revoked with a reason; the score follows.
        await page.ClickAsync("#rank-T1002 summary");
        var fact = facts.Facts.Single();
        await page.WaitForSelectorAsync($"#revoke-{fact.FactId}");
        (await Text(page, $"#fact-{fact.FactId}")).Should().StartWith("2026年1月4日 无故缺席，登记人 T1001");
        await page.TypeAsync($"#revoke-{fact.FactId}-reason", "请假手续齐全，登记有误");
        await page.ClickAsync($"#revoke-{fact.FactId} button");
        await page.WaitForFunctionAsync("() => document.querySelector('[role=status]').textContent.startsWith('已撤销')");

        (await Text(page, "[role=status]")).Should().Be("已撤销：无故缺席（T1002）。");
        (await Text(page, "#rank-T1002 .total")).Should().Be("100");
        var revoked = await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002", IncludeRevoked = true });
        revoked.Facts.Single().Revocation.Should().Match<Revocation>(r => r.Reason == "请假手续齐全，登记有误" && r.RevokedBy == "T1001");
    }

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);

    private static Task<bool> Hidden(IPage page, string selector) => page.EvaluateFunctionAsync<bool>("s => document.querySelector(s).hidden", selector);
}
