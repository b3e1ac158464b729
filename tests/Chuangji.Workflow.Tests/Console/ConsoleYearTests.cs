using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using MiniExcelLibs;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// 2026 lived in the browser: the test college (B01: T1002 刘洋, T1003 赵敏, retired R2001; B02: T2001 and T1001 王建国,
/// who is also B01's secretary and signs in for the leadership group) on the real host with its scheduler, on the fake
/// clock, restarted across every deadline. Every step a person takes is taken on the console's pages, as that person;
/// only the campus systems' opinions come over gRPC. The figures are those of the same year over gRPC
/// (<c>YearOnTheScheduleTests</c>), worked out by hand from the default table there; T1001 does nothing, as T2001.
/// </summary>
[RunsLong]
public sealed class ConsoleYearTests : IAsyncLifetime
{
    private static readonly TokenRequest Leadership = new(CallerRole.Leadership, "T1001", null, [], TimeSpan.Zero);
    private static readonly TokenRequest Secretary = new(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero);

    private readonly string _sheets = Directory.CreateTempSubdirectory("chuangji-year-").FullName;
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartAsync(MembersFixtures.TestCollege(At(1, 5, 10)), scheduler: true);
        await new MembersService.MembersServiceClient(_host.Channel).ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1001", "B02", name: "王建国") } });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_sheets, recursive: true);
    }

    [Fact]
    public async Task TheYear_FromOpeningToTheMeeting_EveryPersonOnTheirOwnPage()
    {
        // 承诺: the leadership group opens the year; two members commit on their phones.
        var leader = await SignInAsync(Leadership, "#open-year");
        await SubmitAsync(leader, "#open-year", "已开通2026年度，每名在册党员进入承诺阶段。");
        await _host.ScheduleCaughtUpAsync();
        foreach (var staff in new[] { "T1002", "T1003" })
        {
            var member = await SignInAsync(Member(staff), "#commit");
            await member.TypeAsync("#commit-text", "带头完成教学任务");
            await SubmitAsync(member, "#commit button", "已提交。");
            (await Text(member, "#stage")).Should().Be("述绩·上半年");
        }

        // The leadership group closes B01's phase early, after the preview: R2001 moves, with NO_COMMITMENT of that day.
        await ClockAsync(1, 20, 10);
        leader = await SignInAsync(Leadership, "#advance");
        await AdvanceAsync(leader, "B01", target: 0, preview: "预览：将推进 1 人，2 人不能推进。", done: "已推进 1 人，2 人未推进。");

        // Across the deadline (01-31): the schedule closes B02, T2001 and T1001 without a commitment.
        await RestartAsync(2, 1, 0, 5);
        var member2001 = await SignInAsync(Member("T2001"), "#stage");
        (await Text(member2001, "#commitment-heading + p")).Should().Be("逾期未承诺。");
        (await FactsAsync("NO_COMMITMENT")).Should().BeEquivalentTo([("R2001", "2026-01-20"), ("T1001", "2026-01-31"), ("T2001", "2026-01-31")]);

        // 述绩, first half: the secretary registers T1002's facts in the form and T1003's in a sheet; both declare.
        await ClockAsync(6, 20, 10);
        var secretary = await SignInAsync(Secretary, "#fact");
        await RecordAsync(secretary, "T1002", "THOUGHT_REPORT", "2026-03-10");
        await RecordAsync(secretary, "T1002", "ASSISTANCE_HARDSHIP", "2026-05-01");
        await RecordAsync(secretary, "T1002", "ASSISTANCE_STRUGGLING", "2026-05-02", count: 5);
        await RecordAsync(secretary, "T1002", "GOOD_DEED", "2026-06-01", count: 2);
        await UploadFactsAsync(secretary,
            ("T1003", "THOUGHT_REPORT", "2026-04-02", ""), ("T1003", "DUES_LATE", "2026-03-01", "2"), ("T1003", "ASSISTANCE_HARDSHIP", "2026-05-03", ""),
            ("T1003", "ASSISTANCE_STRUGGLING", "2026-05-04", "5"), ("T1003", "GOOD_DEED", "2026-06-02", ""));
        await DeclareAsync("T1002", "first");
        await DeclareAsync("T1003", "first");

        await RestartAsync(7, 11, 0, 5);
        (await CycleAsync("R2001")).FirstHalfDeclarationMissing.Should().BeTrue();
        (await CycleAsync("T1002")).FirstHalfDeclarationMissing.Should().BeFalse();

        // The second half.
        await ClockAsync(10, 20, 10);
        secretary = await SignInAsync(Secretary, "#fact");
        await RecordAsync(secretary, "T1002", "THOUGHT_REPORT", "2026-09-10");
        await RecordAsync(secretary, "T1002", "AWARD_CITY", "2026-10-15");
        await ClockAsync(12, 1, 10);
        await DeclareAsync("T1002", "second");
        await DeclareAsync("T1003", "second");

        // 评绩: the schedule closes the declarations (12-10); the suggestion box and the forum bring opinions over gRPC.
        await RestartAsync(12, 11, 0, 5);
        (await CycleAsync("R2001")).State.Should().Be(CycleState.MassReview);
        var workflow = new WorkflowService.WorkflowServiceClient(_host.Channel);
        await workflow.SubmitOpinionAsync(new SubmitOpinionRequest { Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Forum, Content = "备课认真", Author = "学生代表", RequestId = "forum-1" });

        // 亮绩: the leadership group moves the college into publicity once the assessment period has closed (12-17).
        await ClockAsync(12, 18, 0, 5);
        leader = await SignInAsync(Leadership, "#advance");
        await AdvanceAsync(leader, "", target: 3, preview: "预览：将推进 5 人，0 人不能推进。", done: "已推进 5 人。");
        // By hand (YearOnTheScheduleTests): T1002 every item full + AWARD_CITY 3 = 103; T1003 DISCIPLINE 16 − 5 × 2 − 3,
        // PERSONAL 20 − 5 = 82; R2001 86; T2001 and T1001, in service and doing nothing, 100 − 24 = 76.
        secretary = await SignInAsync(Secretary, "#ranking-heading");
        (await Totals(secretary)).Should().Equal(new Dictionary<string, string> { ["T1002"] = "103", ["R2001"] = "86", ["T1003"] = "82" });
        (await Text(secretary, "#opinions li")).Should().Be("刘洋（T1002） 2026年12月11日 · 论坛 · 学生代表：备课认真");
        var anyone = await _host.NewPageAsync();
        await anyone.GoToAsync(new Uri(_host.Http, "/publicity").ToString());
        (await anyone.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('li a')].map(a => a.getAttribute('href'))"))
            .Should().Equal("/publicity/2026/B01", "/publicity/2026/B02");

        // T1003 objects on the 19th; the secretary revokes the wrong fact with a reason, registers the right one, and upholds it.
        await ClockAsync(12, 19, 10);
        var t1003 = await SignInAsync(Member("T1003"), "#object");
        await t1003.TypeAsync("#object-text", "党费只迟交过一次");
        await SubmitAsync(t1003, "#object button", "已提交。");
        secretary = await SignInAsync(Secretary, "#ranking-heading");
        var wrong = (await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1003", Kind = "DUES_LATE" })).Facts.Single();
        await secretary.ClickAsync("#rank-T1003 summary");
        await secretary.WaitForSelectorAsync($"#revoke-{wrong.FactId}");
        await secretary.TypeAsync($"#revoke-{wrong.FactId}-reason", "异议成立：只迟交一次");
        await SubmitAsync(secretary, $"#revoke-{wrong.FactId} button", "已撤销：党费无故拖延或未按标准缴纳（T1003）。");
        await RecordAsync(secretary, "T1003", "DUES_LATE", "2026-03-01");
        var objection = (await CycleAsync("T1003")).Objections.Single();
        await secretary.ClickAsync($"#resolve-{objection.ObjectionId}-upheld");
        await secretary.TypeAsync($"#resolve-{objection.ObjectionId}-text", "核实后更正为一次");
        await SubmitAsync(secretary, $"#resolve-{objection.ObjectionId} button", "已处理 T1003 的异议。");
        (await Totals(secretary))["T1003"].Should().Be("87", "DISCIPLINE 16 − 5 − 3 = 8");
        var dues = (await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1003", Kind = "DUES_LATE", IncludeRevoked = true })).Facts;
        (await CycleAsync("T1003")).Objections.Single().Should().Match<Objection>(o => o.Status == ObjectionStatus.Upheld && o.Resolution == "核实后更正为一次")
            .And.Subject.As<Objection>().CorrectedFactIds.Should().BeEquivalentTo(dues.Select(f => f.FactId), "the page names the revocation and the new fact as the corrections");
        await ClockAsync(12, 20, 10);
        secretary = await SignInAsync(Secretary, "#fact");
        await RecordAsync(secretary, "T1003", "THOUGHT_REPORT", "2026-12-20");
        (await Totals(secretary))["T1003"].Should().Be("90", "the second half has its thought report now: DISCIPLINE 11");

        // Across the end of the window (12-23), then 定绩 and 用绩 at the branch meeting.
        await RestartAsync(12, 23, 10);
        leader = await SignInAsync(Leadership, "#advance");
        await AdvanceAsync(leader, "", target: 4, preview: "预览：将推进 5 人，0 人不能推进。", done: "已推进 5 人。");
        await ClockAsync(12, 28, 15);
        secretary = await SignInAsync(Secretary, "#determine-T1002");
        (await Text(secretary, "#materials-T1002 summary")).Should().Be("总分 103，建议等次：优秀（点开看承诺与述绩）", "the meeting reads the total before it decides");
        (await Text(secretary, "#materials-T1002 dd")).Should().Be("带头完成教学任务");
        await DetermineAsync(secretary, "T1002", "RATING_EXCELLENT");
        await DetermineAsync(secretary, "T1003", "RATING_QUALIFIED");
        await DetermineAsync(secretary, "R2001", "RATING_QUALIFIED");
        await secretary.TypeAsync("#outcome-T1002-commendation", "评为优秀共产党员");
        await SubmitAsync(secretary, "#outcome-T1002 button", "已记录 T1002 的用绩结果。");

        var frozen = await Task.WhenAll(new[] { "T1002", "T1003", "R2001" }.Select(CycleAsync));
        frozen.Select(c => (c.StaffNumber, c.Determination.Rating, c.Determination.TotalScore, c.Determination.DeterminedBy)).Should().Equal(
            ("T1002", Rating.Excellent, "103", "T1001"), ("T1003", Rating.Qualified, "90", "T1001"), ("R2001", Rating.Qualified, "86", "T1001"));
        frozen[0].Outcome.Commendation.Should().Be("评为优秀共产党员");
        (await Text(secretary, "#rank-T1002 .decided")).Should().Be("评定：优秀（定绩 103 分）");
        var t1002 = await SignInAsync(Member("T1002"), "#total");
        (await Text(t1002, "#stage")).Should().Be("已结束");
        (await Text(t1002, "#total")).Should().Be("103");
        (await Text(t1002, "#rating")).Should().Be("优秀", "the member reads what the meeting decided");
        (await Text(t1002, "#commendation")).Should().Be("评为优秀共产党员");
        var r2001 = await SignInAsync(Member("R2001"), "#rating");
        (await r2001.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#declarations-heading ~ p.error')].map(p => p.textContent)"))
            .Should().Equal("上半年逾期未述绩。", "下半年逾期未述绩。");
        (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().BeEmpty();
    }

    private static TokenRequest Member(string staff) => new(CallerRole.Member, staff, null, [], TimeSpan.Zero);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private async Task ClockAsync(int month, int day, int hour, int minute = 0)
    {
        _host.Time.SetUtcNow(At(month, day, hour, minute));
        await _host.RunScheduleNowAsync();
    }

    private async Task RestartAsync(int month, int day, int hour, int minute = 0)
    {
        await _host.RestartAsync(At(month, day, hour, minute));
        await _host.ScheduleCaughtUpAsync();
    }

    /// <summary>Signs in through a link (a session lasts 8 hours of the clock the test moves by months) and waits for the page.</summary>
    private async Task<IPage> SignInAsync(TokenRequest person, string ready)
    {
        var signedIn = await _host.SignedInAsync(person);
        await signedIn.WaitForSelectorAsync(ready);
        return signedIn;
    }

    /// <summary>Presses a form's button and waits for the page's notice; a refusal shown instead fails with its words.</summary>
    private static async Task SubmitAsync(IPage page, string button, string notice)
    {
        await page.EvaluateExpressionAsync("document.querySelectorAll('.notice').forEach(n => n.remove())");
        await page.ClickAsync(button);
        await page.WaitForSelectorAsync(".notice, [role=alert]:not([hidden])");
        var refusals = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('[role=alert]:not([hidden])')].map(e => e.textContent)");
        refusals.Should().BeEmpty();
        (await Text(page, ".notice")).Should().Be(notice);
    }

    private static async Task RecordAsync(IPage page, string staff, string kind, string day, int? count = null)
    {
        await page.SelectAsync("#fact-member", staff);
        await page.SelectAsync("#fact-kind", kind);
        await page.EvaluateFunctionAsync("d => document.querySelector('#fact-day').value = d", day);
        if (count is { } times)
        {
            await page.EvaluateFunctionAsync("n => document.querySelector('#fact-count').value = n", times.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.EvaluateExpressionAsync("document.querySelectorAll('.notice').forEach(n => n.remove())");
        await page.ClickAsync("#fact button");
        await page.WaitForSelectorAsync(".notice, [role=alert]:not([hidden])");
        (await Text(page, ".notice")).Should().StartWith("已登记：");
    }

    private async Task UploadFactsAsync(IPage page, params (string Staff, string Kind, string Day, string Count)[] facts)
    {
        var path = Path.Combine(_sheets, "facts.xlsx");
        MiniExcel.SaveAs(path, facts.Select(f => new Dictionary<string, object?> { ["工号"] = f.Staff, ["事实种类"] = f.Kind, ["发生日期"] = f.Day, ["次数"] = f.Count, ["分值"] = "", ["说明"] = "" }), overwriteFile: true);
        await (await page.QuerySelectorAsync("#upload-facts-file")).UploadFileAsync(path);
        await page.ClickAsync("#upload-facts button");
        await page.WaitForSelectorAsync("#upload-facts-results table");
        (await Text(page, "#upload-facts-results [role=status]")).Should().Be($"共 {facts.Length} 行：{facts.Length} 行已处理，0 行未登记。");
    }

    private async Task DeclareAsync(string staff, string half)
    {
        var member = await SignInAsync(Member(staff), $"#declare-{half}");
        await member.TypeAsync($"#declare-{half}-text", "对照承诺，完成了教学和帮扶任务");
        await SubmitAsync(member, $"#declare-{half} button", "已提交。");
    }

    private static async Task AdvanceAsync(IPage page, string branch, int target, string preview, string done)
    {
        await page.SelectAsync("#advance-branch", branch);
        await page.SelectAsync("#advance-target", target.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#advance button");
        await page.WaitForSelectorAsync("#advance-preview");
        (await Text(page, "#advance-preview")).Should().Be(preview);
        await SubmitAsync(page, "#advance-confirm", done);
    }

    private static async Task DetermineAsync(IPage page, string staff, string rating)
    {
        await page.SelectAsync($"#determine-{staff}-rating", rating);
        await page.TypeAsync($"#determine-{staff}-peer_review_summary", "互评认为完成承诺");
        await page.TypeAsync($"#determine-{staff}-secretary_comment", "同意");
        await SubmitAsync(page, $"#determine-{staff} button", $"已记录 {staff} 的定绩结果。");
    }

    private static async Task<Dictionary<string, string>> Totals(IPage page) =>
        (await page.EvaluateExpressionAsync<string[][]>("[...document.querySelectorAll('[id^=rank-]')].map(r => [r.id.slice(5), r.querySelector('.total').textContent])"))
        .ToDictionary(r => r[0], r => r[1]);

    private async Task<Cycle> CycleAsync(string staff) =>
        (await new WorkflowService.WorkflowServiceClient(_host.Channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staff })).Cycle;

    private async Task<List<(string, string)>> FactsAsync(string kind) =>
        (await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = kind, PageSize = 50 })).Facts
        .Select(f => (f.StaffNumber, f.OccurredOn)).ToList();

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
