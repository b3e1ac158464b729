using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using MiniExcelLibs;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Console;

/// <summary>
/// A branch secretary uploading spreadsheets in a real browser: the test college on 2026-01-05 (B01: T1002 刘洋,
/// T1003 赵敏, retired R2001), T1001 the secretary of B01. Each upload is answered row by row, and the same sheet
/// uploaded again stores nothing twice.
/// </summary>
[RunsLong]
public sealed class SecretarySheetsConsoleTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chuangji-sheets-").FullName;
    private BrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BrowserHost.StartOnTestCollegeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AFactSheet_IsAnsweredRowByRow_AndUploadedAgainCountsNothingTwice()
    {
        var sheet = Write("facts.xlsx",
            Fact("T1002", "无故缺席", "2026-01-04", ""),
            Fact("T1003", "无故缺席", "2026-01-04", "两次"),
            Fact("T9999", "无故缺席", "2026-01-04", ""),
            Fact("T1003", "MEETING_ABSENCE", "2026-01-05", "2"));
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#upload-facts");
        (await Text(page, "#rank-T1002 .total")).Should().Be("100");

        await UploadAsync(page, "upload-facts", sheet);

        (await Rows(page, "upload-facts")).Should().Equal(
            "2 T1002 已登记",
            "3 T1003 未读取：次数“两次”应为正整数",
            "4 T9999 未读取：T9999不在本支部名册中",
            "5 T1003 已登记");
        // By hand: T1002 one absence, 100 − 2; T1003 two absences in one row, 100 − 2 × 2.
        (await Text(page, "#rank-T1002 .total")).Should().Be("98");
        (await Text(page, "#rank-T1003 .total")).Should().Be("96");

        await UploadAsync(page, "upload-facts", sheet);

        (await Rows(page, "upload-facts")).Should().Equal(
            "2 T1002 已登记过，未重复计入",
            "3 T1003 未读取：次数“两次”应为正整数",
            "4 T9999 未读取：T9999不在本支部名册中",
            "5 T1003 已登记过，未重复计入");
        (await Text(page, "#rank-T1002 .total")).Should().Be("98", "the same sheet again counts nothing twice");
        (await Text(page, "#rank-T1003 .total")).Should().Be("96");
        var facts = await new AssessmentService.AssessmentServiceClient(_host.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01" });
        facts.Facts.Select(f => (f.StaffNumber, f.Kind, f.Count, f.RecordedBy)).Should().BeEquivalentTo(new[] { ("T1002", "MEETING_ABSENCE", 1, "T1001"), ("T1003", "MEETING_ABSENCE", 2, "T1001") });
        (await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing runs off a phone's screen");

        // A fact revoked since: the same row again says so, rather than "already registered" alone.
        var t1002 = facts.Facts.Single(f => f.StaffNumber == "T1002");
        await new AssessmentService.AssessmentServiceClient(_host.Channel).RevokeEventAsync(new RevokeEventRequest { FactId = t1002.FactId, Reason = "请假手续齐全" });
        await UploadAsync(page, "upload-facts", sheet);

        (await Rows(page, "upload-facts"))[0].Should().Be("2 T1002 已登记过，但已撤销（请假手续齐全），未重新计入；如需计入，请用“登记事实”重新登记");
        (await Text(page, "#rank-T1002 .total")).Should().Be("100");
    }

    [Fact]
    public async Task ARosterSheet_AddsTheNewMembersToTheRoster_AndNamesTheRowsItRefuses()
    {
        var sheet = Write("roster.xlsx",
            Member("T1009", "王芳", "在职党员", "2010-07-01", ""),
            Member("T1010", "陈刚", "正式党员", "2012-07-01", ""),
            Member("T1011", "李娜", "离退休党员", "2099-07-01", ""));
        var page = await _host.SignedInAsync(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero));
        await page.WaitForSelectorAsync("#roster");
        (await Text(page, "#roster-heading")).Should().Be("支部名册（4 人）");

        await UploadAsync(page, "upload-members", sheet);

        var rows = await Rows(page, "upload-members");
        rows[0].Should().Be("2 T1009 已登记入册");
        rows[1].Should().Be("3 T1010 未读取：党员类别“正式党员”应为“在职党员”或“离退休党员”");
        rows[2].Should().StartWith("4 T1011 未登记：joined_party_on：", "the service's own rule, named by its field");
        (await Text(page, "#roster-heading")).Should().Be("支部名册（5 人）");
        (await Text(page, "#roster")).Should().Contain("T1009王芳在职党员2010年7月1日");

        await UploadAsync(page, "upload-members", sheet);

        (await Rows(page, "upload-members"))[0].Should().Be("2 T1009 已在册，未重复登记");
        var roster = await new MembersService.MembersServiceClient(_host.Channel).ListMembersAsync(new ListMembersRequest { BranchCode = "B01" });
        roster.Members.Select(m => m.StaffNumber).Should().BeEquivalentTo(["T1001", "T1002", "T1003", "R2001", "T1009"]);
    }

    private static Dictionary<string, object?> Fact(string staff, string kind, string day, string count) => new()
    {
        ["工号"] = staff, ["事实种类"] = kind, ["发生日期"] = day, ["次数"] = count, ["分值"] = "", ["说明"] = "",
    };

    private static Dictionary<string, object?> Member(string staff, string name, string category, string joined, string branch) => new()
    {
        ["工号"] = staff, ["姓名"] = name, ["党员类别"] = category, ["入党日期"] = joined, ["专业特长"] = "", ["支部代码"] = branch,
    };

    private string Write(string name, params Dictionary<string, object?>[] rows)
    {
        var path = Path.Combine(_directory, name);
        MiniExcel.SaveAs(path, rows, overwriteFile: true);
        return path;
    }

    private static async Task UploadAsync(IPage page, string form, string path)
    {
        var input = await page.QuerySelectorAsync($"#{form}-file");
        await input.UploadFileAsync(path);
        await page.EvaluateExpressionAsync($"document.querySelector('#{form}-results').replaceChildren()");
        await page.ClickAsync($"#{form} button");
        await page.WaitForSelectorAsync($"#{form}-results table");
    }

    private static Task<string[]> Rows(IPage page, string form) =>
        page.EvaluateFunctionAsync<string[]>("f => [...document.querySelectorAll(`#${f}-results tbody tr`)].map(r => [...r.cells].map(c => c.textContent).join(' '))", form);

    private static Task<string> Text(IPage page, string selector) => BrowserHost.TextAsync(page, selector);
}
