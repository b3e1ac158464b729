using System.Net;
using Chuangji.Documents.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// 考核评分表 in the source table's form (序号, 项目, 考评内容和评分标准, 分值, 得分, 备注), filled in for the members of
/// <see cref="DocumentsCollege"/>: the criteria are the default table's (the source's words), 得分 the scorecard's,
/// 备注 the deductions with the facts behind them.
/// </summary>
public sealed class ScoringTableTests(DocumentsCollege college) : IClassFixture<DocumentsCollege>
{
    private TestService Service => college.Service;

    private async Task<Download> TableAsync(string staffNumber, DocumentFormat format) =>
        await Download.FromGrpcAsync(
            new DocumentService.DocumentServiceClient(Service.Channel).GetScoringTable(new GetScoringTableRequest { Year = 2026, StaffNumber = staffNumber, Format = format }),
            r => r.Chunk);

    [Fact]
    public async Task Workbook_HasTheSourcesRows_FilledInWithTheScoresAndTheFactsBehindEachDeduction()
    {
        var download = await TableAsync("T1002", DocumentFormat.Xlsx);

        download.FileName.Should().Be("2026-T1002-考核评分表.xlsx");
        var rows = ReadBack.Sheet(download.Bytes, "考核评分表");
        rows.Should().Contain(r => r.Take(6).SequenceEqual(new[] { "序号", "项目", "考评内容和评分标准", "分值", "得分", "备注" }));
        var study = ReadBack.RowWith(rows, "带头学习提高");
        study[0].Should().Be("1");
        study[2].Should().StartWith("1.积极参加“三会一课”、党员民主评议等各种活动。").And.Contain("无故缺席一次扣2分，迟到或早退一次扣2分");
        study[3..5].Should().Equal("16", "12");
        study[5].Should().Be("无故缺席 扣4分（2026年3月12日；2026年4月2日）");
        ReadBack.RowWith(rows, "带头争创佳绩")[3..6].Should().Equal("16", "16", "无扣分");
        ReadBack.RowWith(rows, "在职党员")[3..5].Should().Equal("20", "20");
        rows.Should().NotContain(r => r.Contains("离退休党员"), "an in-service member's table has only the in-service 个性内容");
        ReadBack.RowWith(rows, "加分")[4..6].Should().Equal("3", "市级先进个人 加3分（2026年5月1日）");
        var total = ReadBack.RowWith(rows, "合计");
        total[3..6].Should().Equal("100", "99", "建议等次：优秀");
        rows.SelectMany(r => r).Should().Contain("共性内容（80分）").And.Contain("个性内容（20分）").And.Contain("加分内容");
    }

    [Fact]
    public async Task AVetoedMember_SaysSo_AndCountsAndDatesAreNamed()
    {
        var huang = ReadBack.Sheet((await TableAsync("R2001", DocumentFormat.Xlsx)).Bytes, "考核评分表");
        ReadBack.RowWith(huang, "合计")[3..6].Should().Equal("100", "86", "一票否决：违反计划生育或受治安、刑事处罚，定为不合格");
        ReadBack.RowWith(huang, "带头争创佳绩")[4..6].Should().Equal("13", "未进行承诺 扣3分（2026年1月31日）");
        ReadBack.RowWith(huang, "离退休党员")[3..5].Should().Equal("20", "20");
        var discipline = ReadBack.RowWith(huang, "带头遵纪守法");
        discipline[4].Should().Be("10", "16 − 3 for each half year without a thought report");
        discipline[5].Split('\n').Should().SatisfyRespectively(
            h1 => h1.Should().Contain("2026年上半年：思想汇报 0/1").And.EndWith("扣3分"),
            h2 => h2.Should().Contain("2026年下半年：思想汇报 0/1").And.EndWith("扣3分"),
            veto => veto.Should().Be("一票否决：违反计划生育或受治安、刑事处罚（2026年3月2日），定为不合格", "the veto is named on the item its kind belongs to"));

        var zhao = ReadBack.Sheet((await TableAsync("T1003", DocumentFormat.Xlsx)).Bytes, "考核评分表");
        ReadBack.RowWith(zhao, "带头学习提高")[4..6].Should().Equal("10", "迟到或早退 扣6分（2026年4月1日 3次）");
    }

    [Fact]
    public async Task PdfAndHtml_ReadAsTheWorkbook()
    {
        var pdf = ReadBack.PdfText((await TableAsync("T1002", DocumentFormat.Pdf)).Bytes);
        pdf.Should().Contain("考核评分表").And.Contain("考评内容和评分标准").And.Contain("1612无故缺席扣4分（2026年3月12日；2026年4月2日）").And.Contain("合计基本分＋加分10099建议等次：优秀");

        var html = ReadBack.HtmlText((await TableAsync("T1002", DocumentFormat.Html)).Text);
        html.Should().Contain("1 带头学习提高").And.Contain("16 12 无故缺席 扣4分（2026年3月12日；2026年4月2日）").And.Contain("合计 基本分＋加分 100 99 建议等次：优秀");
    }

    [Fact]
    public async Task AMember_GetsTheirOwnTable_OverHttp_ButNotAnothers()
    {
        using var member = Service.HttpClientWith(Service.TokenFor(new TokenRequest(CallerRole.Member, "T1003", null, [], TimeSpan.FromHours(1))));

        var own = await Download.FromHttpAsync(await member.GetAsync("/documents/2026/members/T1003/scoring-table.pdf"));
        own.MediaType.Should().Be("application/pdf");
        var other = await member.GetAsync("/documents/2026/members/T1002/scoring-table.pdf");
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.Content.ReadAsStringAsync()).Should().Contain("\"code\": 7");
    }

    [Fact]
    public async Task AMemberWhoDoesNotExist_IsNotFound()
    {
        (await TableAsync("T9999", DocumentFormat.Xlsx).ShouldFailWith(StatusCode.NotFound)).Status.Detail.Should().Contain("member 'T9999' does not exist");
    }
}
