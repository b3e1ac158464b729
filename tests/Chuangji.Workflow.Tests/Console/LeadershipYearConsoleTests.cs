using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// The rest of the leadership group's page in a real browser, at a phone's width: the test college (B01: T1001 王建国,
/// T1002 刘洋, T1003 赵敏, retired R2001 黄桂兰; B02: T2001) with 2026 opened on 01-05, the default calendar. Each
/// figure is worked out by hand in its test.
/// </summary>
[RunsLong]
public sealed class LeadershipYearConsoleTests : IAsyncLifetime
{
    private static readonly TokenRequest Leadership = new(CallerRole.Leadership, "T1001", null, [], TimeSpan.Zero);

    private BrowserHost _host = null!;

    private WorkflowService.WorkflowServiceClient Workflow => new(_host.Channel);

    private AssessmentService.AssessmentServiceClient Assessment => new(_host.Channel);

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync();
        await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026 });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryBranchsProgress_IsAChartAndItsFigures_AfterCyclesMove()
    {
        // T1002 commits; on 02-01 B01's commitment phase is closed: T1001, T1003 and R2001 get NO_COMMITMENT (−3: 97 each),
        // T1002 has 100. No window has closed yet, so nothing else is deducted: every one of them is eligible for 优秀.
        await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" });
        _host.Time.SetUtcNow(DocumentsCollege.At(2, 1));
        await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, BranchCode = "B01", TargetState = CycleState.SelfReport });

        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("[data-branch=college] table");

        // B01: four in 述绩, one committed and three missing, average (100 + 3 × 97) / 4 = 97.75 → 97.8.
        (await Figure(page, "B01", "members")).Should().Be("4");
        (await Figure(page, "B01", "CYCLE_STATE_COMMITMENT")).Should().Be("0");
        (await Figure(page, "B01", "CYCLE_STATE_SELF_REPORT")).Should().Be("4");
        (await Figure(page, "B01", "committed")).Should().Be("1");
        (await Figure(page, "B01", "commitmentsMissing")).Should().Be("3");
        (await Figure(page, "B01", "firstHalfMissing")).Should().Be("0");
        (await Figure(page, "B01", "suggested-RATING_EXCELLENT")).Should().Be("4");
        (await Figure(page, "B01", "determined-RATING_EXCELLENT")).Should().Be("0");
        (await Figure(page, "B01", "averageTotal")).Should().Be("97.8");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('[data-branch=B01] svg[role=img]').getAttribute('aria-label')"))
            .Should().Be("支部 B01（B01）：党员 4 人。各阶段：述绩 4 人。建议等次：优秀 4 人。评定等次：无。");

        // B02: T2001 still in 承诺 (its phase was not closed), 100; the college (391 + 100) / 5 = 98.2.
        (await Figure(page, "B02", "CYCLE_STATE_COMMITMENT")).Should().Be("1");
        (await Figure(page, "B02", "commitmentsMissing")).Should().Be("0");
        (await Figure(page, "B02", "averageTotal")).Should().Be("100.0");
        (await Figure(page, "college", "members")).Should().Be("5");
        (await Figure(page, "college", "CYCLE_STATE_SELF_REPORT")).Should().Be("4");
        (await Figure(page, "college", "suggested-RATING_EXCELLENT")).Should().Be("5");
        (await Figure(page, "college", "averageTotal")).Should().Be("98.2");

        // The table of contents leads to each section's heading.
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('nav.contents a')].map(a => a.getAttribute('href'))"))
            .Should().Contain(["#progress-heading", "#calendar-heading", "#bonus-heading", "#checks-heading", "#reminders-heading", "#audit-heading"])
            .And.OnlyContain(href => href.StartsWith('#'));
        (await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('nav.contents a')].every(a => document.getElementById(a.getAttribute('href').slice(1)))"))
            .Should().BeTrue("every link has its heading");
        await NothingRunsOffThePhone(page);
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            await BrowserHost.ScreenshotDownToAsync(page, "section[aria-labelledby=progress-heading]", Path.Combine(screenshots, "console-leadership-progress.png"));
        }
    }

    [Fact]
    public async Task TheCalendar_IsEdited_AndADateInThePast_IsRefusedUnderItsField()
    {
        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("#calendar-form");
        (await Text(page, "[data-field=commitmentDue]")).Should().Be("2026年1月31日", "the default calendar");

        await SetValue(page, "#calendar-commitment_due", "2026-02-15");
        await page.ClickAsync("#calendar-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('#calendar-outcome').textContent !== ''");

        (await Text(page, "#calendar-outcome")).Should().Be("已保存日历：1 项改动。");
        (await Text(page, "[data-field=commitmentDue]")).Should().Be("2026年2月15日");
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.Calendar.CommitmentDue.Should().Be("2026-02-15");

        // Today is 01-05: 材料整理汇集 cannot be moved to 01-02.
        await SetValue(page, "#calendar-materials_due", "2026-01-02");
        await page.ClickAsync("#calendar-form button[type=submit]");
        await page.WaitForSelectorAsync("#calendar-materials_due-error:not([hidden])");

        (await Text(page, "#calendar-materials_due-error")).Should().Be("must not be moved into the past (today is 2026-01-05)");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('#calendar-materials_due').getAttribute('aria-invalid')")).Should().Be("true");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#calendar-commitment_due-error').hidden")).Should().BeTrue("only the refused field says so");
        (await Text(page, "[data-field=materialsDue]")).Should().Be("2026年11月20日", "nothing changed");
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.Calendar.MaterialsDue.Should().Be("2026-11-20");
        await NothingRunsOffThePhone(page);
    }

    [Fact]
    public async Task ProposedBonusItems_AreApprovedOrRejectedOnThePage_AndTheApprovedOneCountsInTheMembersScorecard()
    {
        await Assessment.ProposeBonusItemsAsync(new ProposeBonusItemsRequest
        {
            Year = 2026, BranchCode = "B01", Items = { new BonusItemProposal { Code = "B01_TEACHING_CONTEST", Name = "教学竞赛获奖", Points = "2.5" } },
        });
        await Assessment.ProposeBonusItemsAsync(new ProposeBonusItemsRequest
        {
            Year = 2026, BranchCode = "B02", Items = { new BonusItemProposal { Code = "B02_CITY_PRIZE", Name = "市级教学成果奖", Points = "3" } },
        });
        FactInput Contest() => new() { StaffNumber = "T1002", Kind = "B01_TEACHING_CONTEST", OccurredOn = "2026-01-05", Count = 2, RequestId = Guid.NewGuid().ToString(), RecordedBy = "T1001" };
        await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Contest() }).ShouldFailWith(StatusCode.FailedPrecondition);

        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("#bonus-B01_TEACHING_CONTEST [data-decision=approve]");
        (await Text(page, "#bonus-B01_TEACHING_CONTEST [data-status]")).Should().Be("待审批");
        await page.TypeAsync("#bonus-B01_TEACHING_CONTEST-note", "同意");
        await page.ClickAsync("#bonus-B01_TEACHING_CONTEST [data-decision=approve]");
        await page.WaitForFunctionAsync("() => document.querySelector('#bonus-outcome').textContent !== ''");

        (await Text(page, "#bonus-outcome")).Should().Be("已批准：教学竞赛获奖（B01_TEACHING_CONTEST），每次加 2.5 分。");
        (await Text(page, "#bonus-B01_TEACHING_CONTEST [data-status]")).Should().Be("已批准");
        (await page.QuerySelectorAsync("#bonus-B01_TEACHING_CONTEST form")).Should().BeNull("a decided item has nothing more to decide");

        // B02's item duplicates the rubric's city award: rejected, with the reason.
        await page.TypeAsync("#bonus-B02_CITY_PRIZE-note", "与市级先进个人重复");
        await page.ClickAsync("#bonus-B02_CITY_PRIZE [data-decision=reject]");
        await page.WaitForFunctionAsync("() => document.querySelector('#bonus-outcome').textContent.startsWith('未批准')");
        (await Text(page, "#bonus-outcome")).Should().Be("未批准：市级教学成果奖（B02_CITY_PRIZE），每次加 3 分。");
        (await Text(page, "#bonus-B02_CITY_PRIZE p:nth-child(2)")).Should().Be("支部 B02，每次加 3 分，未批准：与市级先进个人重复");
        (await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026 })).Items.Select(i => (i.Code, i.Status, i.DecisionNote)).Should().BeEquivalentTo(new[]
        {
            ("B01_TEACHING_CONTEST", BonusItemStatus.Approved, "同意"), ("B02_CITY_PRIZE", BonusItemStatus.Rejected, "与市级先进个人重复"),
        });

        // Approved, it can be registered: twice 2.5 is a bonus of 5 on a base of 100 (no window has closed on 01-05).
        await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Contest() });
        var card = (await Assessment.GetScorecardAsync(new GetScorecardRequest { Year = 2026, StaffNumber = "T1002" })).Scorecard;
        (card.BaseScore, card.BonusScore, card.TotalScore).Should().Be(("100", "5", "105"));
        await NothingRunsOffThePhone(page);
    }

    [Fact]
    public async Task AfterTheFirstQuartersCheck_TheReportAndTheRemindersAreRead()
    {
        // Everyone commits; T1002 hands in a thought report (02-10), T1003 is late once (03-03). The check of 03-31:
        // B01 (T1001, T1002, T1003, R2001) has 2 without facts (T1001, R2001) and 3 without a thought report (all but T1002);
        // B02 has T2001 without either. The secretary of each (T1001) is reminded.
        foreach (var member in new[] { "T1001", "T1002", "T1003", "R2001", "T2001" })
        {
            await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = member, Commitment = $"{member}的承诺" });
        }

        _host.Time.SetUtcNow(DocumentsCollege.At(3, 20));
        await Record("T1002", "THOUGHT_REPORT", "2026-02-10");
        await Record("T1003", "MEETING_LATE", "2026-03-03");
        _host.Time.SetUtcNow(DocumentsCollege.At(3, 31, 20));
        await Workflow.RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2026 });

        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("#check-reports li[data-branch=B01] button");
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#check-reports li')].map(li => li.dataset.period + ' ' + li.dataset.branch)"))
            .Should().Equal("2026-Q1 B01", "2026-Q1 B02");
        await page.ClickAsync("#check-reports li[data-branch=B01] button");
        await page.WaitForSelectorAsync("#check-report-heading");

        (await Text(page, "#check-report-heading")).Should().Be("2026年第一季度 季度检查 支部 B01", "the period as people say it");
        (await Text(page, "#check-report .tallies li")).Should().Be("支部 B01：党员 4 人，本期无登记事项 2 人，未交思想汇报 3 人，述绩逾期 0 人");
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#check-report .findings li')].map(li => li.textContent)"))
            .Should().Equal("R2001 黄桂兰：本期无登记事项；未交思想汇报", "T1001 王建国：本期无登记事项；未交思想汇报", "T1003 赵敏：未交思想汇报");

        await page.WaitForSelectorAsync("#reminders li");
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#reminders li .message')].map(p => p.textContent)")).Should().Equal(
            "【先锋创绩】支部 B01：2026年第1季度检查发现2名党员本季度无登记事项，3名未交思想汇报，0名述绩逾期，详见检查报告。",
            "【先锋创绩】支部 B02：2026年第1季度检查发现1名党员本季度无登记事项，1名未交思想汇报，0名述绩逾期，详见检查报告。");
        (await Text(page, "#reminders li")).Should().Contain("发给支部 B01 书记 T1001").And.Contain("尚未送达");
        (await Text(page, "#reminders-info")).Should().Be("第 1 页，本页 2 条。");
        await NothingRunsOffThePhone(page);
    }

    [Fact]
    public async Task AfterAnAdvance_EveryMembersResultIsShown_AndTheAdvanceIsInTheAuditTrail()
    {
        await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" });
        _host.Time.SetUtcNow(DocumentsCollege.At(2, 1));
        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("#advance");
        await page.SelectAsync("#advance-branch", "B01");
        await page.SelectAsync("#advance-target", "0");
        await page.ClickAsync("#advance button");
        await page.WaitForSelectorAsync("#advance-confirm");
        await page.ClickAsync("#advance-confirm");
        await page.WaitForSelectorAsync("#advance-result");
        (await page.EvaluateExpressionAsync<string>("document.activeElement.id")).Should().Be("advance-result", "the keyboard goes on to the result");

        // B01: T1001, T1003 and R2001 move to 述绩's first half; T1002 had committed and is there already.
        (await Text(page, "#advance-result caption")).Should().Be("推进结果：已推进 3 人，未推进 1 人");
        var rows = await page.EvaluateExpressionAsync<string[][]>(
            "[...document.querySelectorAll('#advance-result tbody tr')].map(tr => [...tr.children].slice(0, 3).map(c => c.textContent))");
        rows.Should().BeEquivalentTo(new[]
        {
            new[] { "T1001", "已推进", "述绩（上半年）" }, new[] { "T1002", "未推进", "述绩（上半年）" },
            new[] { "T1003", "已推进", "述绩（上半年）" }, new[] { "R2001", "已推进", "述绩（上半年）" },
        });
        (await Text(page, "#advance-result tr[data-staff=T1002] td:last-child")).Should().NotBeEmpty("who did not move is told why");
        (await Text(page, "#advance-result tr[data-staff=T1003] td:last-child")).Should().BeEmpty();

        // The audit trail, filtered by who acted: the step itself, not its preview.
        await page.TypeAsync("#audit-actor", "T1001");
        await page.ClickAsync("#audit-filters button");
        await page.WaitForFunctionAsync("() => document.querySelector('#audit-info').textContent.startsWith('第 1 页，本页 1 条')");
        var record = await Text(page, "#audit li");
        record.Should().Be("推进阶段（AdvancePhase） 成功2026年2月1日 10:00，T1001（领导小组）year 2026, branch B01");
        await NothingRunsOffThePhone(page);
    }

    [Fact]
    public async Task TheAuditTrail_IsReadAPageAtATime()
    {
        // The seed's roster import names T1002 among its 4 members; then T1002's commitment, and 20 more that are refused
        // (the cycle has moved on), each audited: 22 records on T1002, 20 on the first page and 2 on the second.
        await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" });
        for (var i = 0; i < 20; i++)
        {
            await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = $"第{i}次重复" }).ShouldFailWith(StatusCode.FailedPrecondition);
        }

        var page = await _host.SignedInAsync(Leadership);
        await page.WaitForSelectorAsync("#audit-filters");
        await page.TypeAsync("#audit-staff", "T1002?");
        await page.ClickAsync("#audit-filters button");
        await page.WaitForSelectorAsync("#audit-staff-error:not([hidden])");
        (await Text(page, "#audit-staff-error")).Should().Be("must be 1 to 32 characters of letters, digits, '-' or '_'", "the service's refusal, under the filter it names");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('#audit-staff').getAttribute('aria-invalid')")).Should().Be("true");

        await SetValue(page, "#audit-staff", "T1002");
        await page.ClickAsync("#audit-filters button");
        await page.WaitForFunctionAsync("() => document.querySelector('#audit-info').textContent === '第 1 页，本页 20 条，还有下一页。'");
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#audit li')].slice(0, 3).map(li => li.dataset.rpc + ' ' + li.dataset.outcome)"))
            .Should().Equal("ImportMembers OK", "SubmitCommitment OK", "SubmitCommitment FAILED_PRECONDITION");
        (await Text(page, "#audit li:nth-child(3)")).Should().StartWith("提交承诺（SubmitCommitment） 被拒绝（FAILED_PRECONDITION）2026年1月5日 10:00，leadership（领导小组）year 2026, member T1002：cycle 2026/T1002 is");
        await page.ClickAsync("#audit-next");
        await page.WaitForFunctionAsync("() => document.querySelector('#audit-info').textContent.startsWith('第 2 页')");

        (await Text(page, "#audit-info")).Should().Be("第 2 页，本页 2 条。");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#audit-next').hidden")).Should().BeTrue("there is no third page");
        await page.ClickAsync("#audit-first");
        await page.WaitForFunctionAsync("() => document.querySelector('#audit-info').textContent.startsWith('第 1 页')");
    }

    private async Task Record(string staffNumber, string kind, string occurredOn) =>
        await Assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = occurredOn, Count = 1, RequestId = $"{staffNumber}-{kind}-{occurredOn}", RecordedBy = "T1001" },
        });

    private static Task<string> Figure(IPage page, string branch, string figure) => Text(page, $"[data-branch={branch}] [data-figure={figure}]");

    private static Task SetValue(IPage page, string selector, string value) =>
        page.EvaluateFunctionAsync("(s, v) => { document.querySelector(s).value = v; }", selector, value);

    private static async Task NothingRunsOffThePhone(IPage page) =>
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone's screen");

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
