using System.Net;
using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// 公示名单 (亮绩) of branch B01 during publicity, in each format, over gRPC and HTTP: every figure as worked out by hand
/// in <see cref="DocumentsCollege"/> and as ListScorecards answers; the objection listed with its state.
/// </summary>
public sealed class PublicityListTests(DocumentsCollege college) : IClassFixture<DocumentsCollege>
{
    private TestService Service => college.Service;

    private DocumentService.DocumentServiceClient Documents => new(Service.Channel);

    private static readonly string[] Header = ["序号", "工号", "姓名", "带头学习提高（16分）", "带头争创佳绩（16分）", "带头服务师生（16分）", "带头遵纪守法（16分）", "带头弘扬正气（16分）", "个性内容（20分）", "加分", "总分", "建议等次"];

    // 序号, 工号, 姓名, the five common items, 个性内容, 加分, 总分, 建议等次: worked out by hand.
    private static readonly string[] Liu = ["2", "T1002", "刘洋", "12", "16", "16", "16", "16", "20", "3", "99", "优秀"];
    private static readonly string[] Zhao = ["3", "T1003", "赵敏", "10", "16", "16", "11", "16", "20", "0", "89", "合格"];
    private static readonly string[] Huang = ["1", "R2001", "黄桂兰", "16", "13", "11", "10", "16", "20", "0", "86", "不合格（一票否决）"];

    [Fact]
    public async Task Workbook_OverGrpc_ListsEveryMemberWithTheFiguresWorkedOutByHand_AndTheScorecardsAgree()
    {
        var download = await Download.FromGrpcAsync(
            Documents.GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk);

        download.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        download.FileName.Should().Be("2026-B01-公示名单.xlsx");
        var rows = ReadBack.Sheet(download.Bytes, "公示名单");
        rows.Should().ContainSingle(r => r.SequenceEqual(Header.Concat(Enumerable.Repeat(string.Empty, r.Length - Header.Length))), "the header row names every column");
        ReadBack.RowWith(rows, "T1002").Should().Equal(Liu);
        ReadBack.RowWith(rows, "T1003").Should().Equal(Zhao);
        ReadBack.RowWith(rows, "R2001").Should().Equal(Huang);
        rows.Should().NotContain(r => r.Contains("T2001"), "B02's member is not on B01's list");

        var cards = (await new AssessmentService.AssessmentServiceClient(Service.Channel).ListScorecardsAsync(new ListScorecardsRequest { Year = 2026, BranchCode = "B01" })).Scorecards;
        foreach (var card in cards.Select(c => c.Scorecard))
        {
            var row = ReadBack.RowWith(rows, card.StaffNumber);
            row[3..8].Should().Equal(card.Items.Take(5).Select(i => i.Score), "the common items of {0}", card.StaffNumber);
            row[^3..^1].Should().Equal(card.BonusScore, card.TotalScore);
        }

        var objections = ReadBack.Sheet(download.Bytes, "异议及处理");
        ReadBack.RowWith(objections, "T1003").Should().Contain(["赵敏", "2026年12月19日 10:00", "迟到只有两次", "待处理"]);
    }

    [Fact]
    public async Task Workbook_SaysTheWindowAndHowToObject()
    {
        var download = await Download.FromGrpcAsync(
            Documents.GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk);

        var text = string.Join("\n", ReadBack.SheetNames(download.Bytes).SelectMany(sheet => ReadBack.Sheet(download.Bytes, sheet)).SelectMany(r => r));
        text.Should().Contain("2026年度支部 B01党员“先锋创绩”考核结果公示")
            .And.Contain("公示期：2026年12月18日 10:00至2026年12月23日 10:00")
            .And.Contain("请在公示期内向支部 B01书记王建国反映");
    }

    [Fact]
    public async Task Pdf_HoldsTheSameFigures()
    {
        var download = await Download.FromGrpcAsync(
            Documents.GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Pdf }), r => r.Chunk);

        download.MediaType.Should().Be("application/pdf");
        download.FileName.Should().Be("2026-B01-公示名单.pdf");
        var text = ReadBack.PdfText(download.Bytes);
        text.Should().Contain("考核结果公示").And.Contain("公示期：2026年12月18日10:00至2026年12月23日10:00");
        foreach (var row in new[] { Liu, Zhao, Huang })
        {
            text.Should().Contain(string.Concat(row), "the PDF's row of {0} reads as the workbook's", row[2]);
        }
    }

    [Fact]
    public async Task Html_OverHttp_WithTheSecretarysToken_HoldsTheSameFigures()
    {
        using var http = Service.HttpClientWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));

        var download = await Download.FromHttpAsync(await http.GetAsync("/documents/2026/branches/B01/publicity.html"));

        download.MediaType.Should().Be("text/html");
        download.FileName.Should().Be("2026-B01-公示名单.html");
        var text = ReadBack.HtmlText(download.Text);
        foreach (var row in new[] { Liu, Zhao, Huang })
        {
            text.Should().Contain(string.Join(" ", row));
        }

        download.Text.Should().Contain("@page").And.Contain("A4");
    }

    [Fact]
    public async Task OverHttp_EveryFormatIsServed_AndAnUnknownOneIsRefusedNamingTheField()
    {
        using var http = Service.HttpClientWith(Service.TokenFor(TestService.Leadership));

        foreach (var (extension, mediaType) in new[] { ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("pdf", "application/pdf"), ("html", "text/html") })
        {
            (await Download.FromHttpAsync(await http.GetAsync($"/documents/2026/branches/B01/publicity.{extension}"))).MediaType.Should().Be(mediaType);
        }

        var pdf = await http.GetAsync("/documents/2026/branches/B01/publicity.pdf");
        pdf.Content.Headers.ContentDisposition!.FileName.Should().Be("2026-B01-publicity.pdf", "clients that ignore the UTF-8 name still get a name of its own");
        pdf.Content.Headers.ContentDisposition.FileNameStar.Should().Be("2026-B01-公示名单.pdf");

        var nowhere = await http.GetAsync("/documents/2026/overview.pdf");
        nowhere.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var nowhereBody = await RefusalAsync(nowhere);
        nowhereBody.GetProperty("code").GetInt32().Should().Be(5, "NOT_FOUND, in the body a /v1 refusal has");
        nowhereBody.GetProperty("message").GetString().Should().StartWith("/documents/2026/overview.pdf is no document");

        var refused = await http.GetAsync("/documents/2026/branches/B01/publicity.docx");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refusedBody = await RefusalAsync(refused);
        refusedBody.GetProperty("code").GetInt32().Should().Be(3, "INVALID_ARGUMENT");
        refusedBody.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Should().Equal("format");
    }

    [Fact]
    public async Task AYearOrBranchThatDoesNotExist_IsNotFoundNamingIt_OverGrpcAndHttp()
    {
        var missingYear = await Download.FromGrpcAsync(Documents.GetPublicityList(new GetPublicityListRequest { Year = 2030, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk)
            .ShouldFailWith(StatusCode.NotFound);
        missingYear.Status.Detail.Should().Contain("year '2030' does not exist");
        var missingBranch = await Download.FromGrpcAsync(Documents.GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B99", Format = DocumentFormat.Xlsx }), r => r.Chunk)
            .ShouldFailWith(StatusCode.NotFound);
        missingBranch.Status.Detail.Should().Contain("branch 'B99' does not exist");

        using var http = Service.HttpClientWith(Service.TokenFor(TestService.Leadership));
        var response = await http.GetAsync("/documents/2026/branches/B99/publicity.pdf");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("branch 'B99' does not exist");
    }

    [Fact]
    public async Task ASecretaryOfAnotherBranch_OrAMember_IsRefused_AndNoTokenIsUnauthenticated()
    {
        using var other = Service.HttpClientWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T2009", "B02", [], TimeSpan.FromHours(1))));
        var refused = await other.GetAsync("/documents/2026/branches/B01/publicity.xlsx");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await RefusalAsync(refused)).GetProperty("code").GetInt32().Should().Be(7, "PERMISSION_DENIED");

        using var member = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1))));
        await Download.FromGrpcAsync(new DocumentService.DocumentServiceClient(member).GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk)
            .ShouldFailWith(StatusCode.PermissionDenied);

        using var anonymous = Service.HttpClientWith(null);
        var unauthenticated = await anonymous.GetAsync("/documents/2026/branches/B01/publicity.xlsx");
        unauthenticated.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await RefusalAsync(unauthenticated)).GetProperty("code").GetInt32().Should().Be(16, "UNAUTHENTICATED");
        unauthenticated.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
    }

    private static async Task<System.Text.Json.JsonElement> RefusalAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
