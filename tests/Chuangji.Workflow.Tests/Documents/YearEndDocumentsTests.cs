using System.IO.Compression;
using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// The documents of the year's end, after the branch meeting (定绩) and the use of the results (用绩), for the college
/// of <see cref="DocumentsCollege"/> taken further by hand:
/// <list type="bullet">
/// <item>12-20: T1003's objection is upheld: late twice, not three times (STUDY 16−4 = 12): 91.</item>
/// <item>12-24: T1002 优秀 (99), T1003 合格 (91), R2001 不合格 (vetoed, 86), T2001 基本合格 (76).</item>
/// <item>12-24: commendation for T1002, help plans for R2001 and T2001, nothing for T1003.</item>
/// <item>12-25: T1002 absent again: the live scorecard falls to 97, the frozen one stays 99.</item>
/// </list>
/// Every figure is read back from the files and compared with these.
/// </summary>
public sealed class YearEndDocumentsTests : IAsyncLifetime
{
    private TestService _service = null!;

    private DocumentService.DocumentServiceClient Documents => new(_service.Channel);

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
        await DocumentsCollege.EnterPublicityAsync(_service);
        await DocumentsCollege.WalkToTheYearsEndAsync(_service);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ScoringTable_AfterDetermination_IsTheFrozenOne_WithTheMeetingsWords()
    {
        var live = (await new AssessmentService.AssessmentServiceClient(_service.Channel).GetScorecardAsync(new GetScorecardRequest { Year = 2026, StaffNumber = "T1002" })).Scorecard;
        live.TotalScore.Should().Be("97", "the absence of 12-25 counts in the live scorecard");

        var table = await Download.FromGrpcAsync(Documents.GetScoringTable(new GetScoringTableRequest { Year = 2026, StaffNumber = "T1002", Format = DocumentFormat.Xlsx }), r => r.Chunk);

        var rows = ReadBack.Sheet(table.Bytes, "考核评分表");
        ReadBack.RowWith(rows, "合计")[4].Should().Be("99", "the table files the score the meeting fixed");
        ReadBack.RowWith(rows, "带头学习提高")[4..6].Should().Equal("12", "无故缺席 扣4分（2026年3月12日；2026年4月2日）");
        var text = rows.SelectMany(r => r).ToList();
        text.Should().Contain(c => c.StartsWith("得分依据：2026年12月24日 10:00支部党员大会定绩时冻结的评分", StringComparison.Ordinal));
        text.Should().Contain("评定等次：优秀").And.Contain("党员互评：T1002互评").And.Contain("书记点评：T1002点评");
        text.Should().Contain(c => c.StartsWith("党员签字：", StringComparison.Ordinal) && c.Contains("支部书记签字：", StringComparison.Ordinal), "the filed copy is signed");

        // The README's picture of the scoring table is this member's PDF: CHUANGJI_WRITE_DOCUMENT_SAMPLES=<directory>, then pdftoppm.
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_DOCUMENT_SAMPLES") is { Length: > 0 } samples)
        {
            var pdf = await Download.FromGrpcAsync(Documents.GetScoringTable(new GetScoringTableRequest { Year = 2026, StaffNumber = "T1002", Format = DocumentFormat.Pdf }), r => r.Chunk);
            await File.WriteAllBytesAsync(Path.Combine(samples, pdf.FileName), pdf.Bytes);
        }
    }

    [Fact]
    public async Task OutcomeLists_OfTheBranchAndTheCollege_NameTheCommendedAndTheHelped()
    {
        var branch = await Download.FromGrpcAsync(Documents.GetOutcomeList(new GetOutcomeListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk);
        branch.FileName.Should().Be("2026-B01-用绩名单.xlsx");
        ReadBack.RowWith(ReadBack.Sheet(branch.Bytes, "表彰名单"), "T1002").Should().Equal("1", "B01", "T1002", "刘洋", "优秀", "99", "评为优秀共产党员", "2026年12月24日 10:00");
        var helped = ReadBack.Sheet(branch.Bytes, "帮扶名单");
        ReadBack.RowWith(helped, "R2001").Should().Equal("1", "B01", "R2001", "黄桂兰", "不合格", "86", "支部书记结对帮扶，每月谈心一次", "2026年12月24日 10:00");
        helped.Should().NotContain(r => r.Contains("T1003"), "合格 needs neither");

        var college = await Download.FromGrpcAsync(Documents.GetOutcomeList(new GetOutcomeListRequest { Year = 2026, Format = DocumentFormat.Pdf }), r => r.Chunk);
        college.FileName.Should().Be("2026-全院-用绩名单.pdf");
        var text = ReadBack.PdfText(college.Bytes);
        text.Should().Contain("1B01T1002刘洋优秀99评为优秀共产党员")
            .And.Contain("1B01R2001黄桂兰不合格86支部书记结对帮扶，每月谈心一次")
            .And.Contain("2B02T2001李秀英基本合格76督促按时提交思想汇报");
    }

    [Fact]
    public async Task Overview_CountsEveryBranch_AndRanksTheCollege()
    {
        var overview = await Download.FromGrpcAsync(Documents.GetCollegeOverview(new GetCollegeOverviewRequest { Year = 2026 }), r => r.Chunk);

        overview.FileName.Should().Be("2026-全院-工作概况.xlsx");
        var branches = ReadBack.Sheet(overview.Bytes, "各支部概况");
        // Code, name, members, the seven phases (承诺 述绩 评绩 亮绩 定绩 用绩 已结束), committed, not committed, first half
        // declared / missing, second half declared / missing, suggested 优秀 合格 基本合格 不合格, determined the same, average
        // (a number in the workbook: 92.0 reads back as 92).
        ReadBack.RowWith(branches, "B01").Should().Equal(
            "B01", "支部 B01", "3", "0", "0", "0", "0", "0", "0", "3", "2", "1", "2", "1", "1", "2", "2", "0", "0", "1", "1", "1", "0", "1", "92");
        ReadBack.RowWith(branches, "B02").Should().Equal(
            "B02", "支部 B02", "1", "0", "0", "0", "0", "0", "0", "1", "0", "1", "0", "1", "0", "1", "0", "1", "0", "0", "0", "0", "1", "0", "76");
        ReadBack.RowWith(branches, "合计").Should().Equal(
            "合计", "全院", "4", "0", "0", "0", "0", "0", "0", "4", "2", "2", "2", "2", "1", "3", "2", "1", "0", "1", "1", "1", "1", "1", "88");

        var ranking = ReadBack.Sheet(overview.Bytes, "全院排名");
        ReadBack.RowWith(ranking, "T1002").Should().Equal("1", "B01", "T1002", "刘洋", "99", "优秀", "优秀");
        ReadBack.RowWith(ranking, "T1003").Should().Equal("2", "B01", "T1003", "赵敏", "91", "优秀", "合格");
        ReadBack.RowWith(ranking, "T2001").Should().Equal("3", "B02", "T2001", "李秀英", "76", "合格", "基本合格");
        ReadBack.RowWith(ranking, "R2001").Should().Equal("4", "B01", "R2001", "黄桂兰", "86", "不合格（一票否决）", "不合格");
    }

    [Fact]
    public async Task Dossier_OfTheBranch_HoldsEveryStepsMaterials_IndexFirst()
    {
        var dossier = await Download.FromGrpcAsync(Documents.GetDossier(new GetDossierRequest { Year = 2026, BranchCode = "B01" }), r => r.Chunk);

        dossier.FileName.Should().Be("2026-B01-材料汇集.zip");
        dossier.MediaType.Should().Be("application/zip");
        using var zip = new ZipArchive(new MemoryStream(dossier.Bytes));
        zip.Entries.Select(e => e.FullName).Should().Equal(
            "00-索引.xlsx", "01-述绩/承诺.xlsx", "01-述绩/述绩.xlsx", "02-评绩/群众意见.xlsx", "03-亮绩/公示名单-B01.xlsx",
            "04-定绩/定绩结果.xlsx", "05-用绩/用绩名单.xlsx", "06-检查/检查报告.xlsx");
        // Dated by the college's (fake) clock, on its wall-clock time, to the zip format's two seconds; not the machine's.
        var wallClock = TimeZoneInfo.ConvertTime(_service.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;
        zip.Entries.Should().OnlyContain(e => (wallClock - e.LastWriteTime.DateTime).Duration() <= TimeSpan.FromSeconds(2));
        var index = ReadBack.Sheet(ReadBack.Entry(zip, "00-索引.xlsx"), "索引");
        ReadBack.RowWith(index, "01-述绩/承诺.xlsx")[1].Should().Be("一、述绩");
        ReadBack.RowWith(index, "05-用绩/用绩名单.xlsx")[1].Should().Be("五、用绩");

        var commitments = ReadBack.Sheet(ReadBack.Entry(zip, "01-述绩/承诺.xlsx"), "承诺");
        ReadBack.RowWith(commitments, "T1002")[3].Should().Be("T1002：带头完成教学任务");
        ReadBack.RowWith(commitments, "R2001")[3].Should().Be("（逾期未承诺）");
        var declarations = ReadBack.Entry(zip, "01-述绩/述绩.xlsx");
        ReadBack.RowWith(ReadBack.Sheet(declarations, "上半年述绩"), "T1003")[3].Should().Be("T1003上半年述绩");
        ReadBack.RowWith(ReadBack.Sheet(declarations, "下半年述绩"), "T1003")[3].Should().Be("（逾期未述绩）");
        var opinions = ReadBack.Sheet(ReadBack.Entry(zip, "02-评绩/群众意见.xlsx"), "群众意见");
        ReadBack.RowWith(opinions, "T1002").Should().Equal("T1002", "刘洋", "论坛", "备课认真", "2026年12月11日", "学生代表");
        ReadBack.RowWith(opinions, "T1003").Should().Equal("T1003", "赵敏", "意见箱", "希望多辅导", "2026年12月11日", "（匿名）");
        var objections = ReadBack.Sheet(ReadBack.Entry(zip, "03-亮绩/公示名单-B01.xlsx"), "异议及处理");
        ReadBack.RowWith(objections, "T1003").Should().Contain(["迟到只有两次", "成立，已更正", "核实后更正为迟到两次", "2026年12月20日 10:00"]);
        var determinations = ReadBack.Sheet(ReadBack.Entry(zip, "04-定绩/定绩结果.xlsx"), "定绩结果");
        ReadBack.RowWith(determinations, "T1003").Should().Equal("B01", "T1003", "赵敏", "合格", "91", "T1003互评", "T1003点评", "2026年12月24日 10:00", "有效");
        determinations.Should().NotContain(r => r.Contains("T2001"), "the branch's dossier holds the branch's materials");
        ReadBack.RowWith(ReadBack.Sheet(ReadBack.Entry(zip, "05-用绩/用绩名单.xlsx"), "表彰名单"), "T1002")[6].Should().Be("评为优秀共产党员");
    }

    [Fact]
    public async Task Dossier_OfAReopenedCycle_MarksTheSupersededDetermination()
    {
        var workflow = new WorkflowService.WorkflowServiceClient(_service.Channel);
        _service.Time.SetUtcNow(DocumentsCollege.At(12, 26));
        await workflow.ReopenCycleAsync(new ReopenCycleRequest { Year = 2026, StaffNumber = "T1002", Reason = "补充材料后重新评定", Actor = "leadership" });
        await workflow.DetermineAsync(new DetermineRequest { Year = 2026, StaffNumber = "T1002", Rating = Rating.Excellent, PeerReviewSummary = "重新互评", SecretaryComment = "重新点评", Actor = "secretary-B01" });

        var dossier = await Download.FromHttpAsync(await _service.HttpClientWith(_service.TokenFor(TestService.Leadership)).GetAsync("/documents/2026/dossier.zip"));

        dossier.FileName.Should().Be("2026-全院-材料汇集.zip");
        using var zip = new ZipArchive(new MemoryStream(dossier.Bytes));
        zip.Entries.Select(e => e.FullName).Should().Contain(["03-亮绩/公示名单-B01.xlsx", "03-亮绩/公示名单-B02.xlsx"]);
        var t1002 = ReadBack.Sheet(ReadBack.Entry(zip, "04-定绩/定绩结果.xlsx"), "定绩结果").Where(r => r.Contains("T1002")).ToList();
        t1002.Should().HaveCount(2);
        t1002.Should().Contain(r => r.Contains("97") && r.Contains("有效"), "the new determination froze the score of 12-26");
        t1002.Should().Contain(r => r.Contains("99") && r.Contains("已撤销：2026年12月26日 10:00重新评定，理由：补充材料后重新评定"));
    }
}
