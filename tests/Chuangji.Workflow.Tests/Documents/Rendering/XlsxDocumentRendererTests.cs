using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Chuangji.Workflow.Modules.Documents.Rendering;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Chuangji.Workflow.Tests.Documents.Rendering;

public sealed class XlsxDocumentRendererTests(ITestOutputHelper output)
{
    private readonly XlsxDocumentRenderer renderer = new(RenderingSamples.Clock);

    [Fact]
    public async Task Every_part_of_the_workbook_is_dated_by_the_colleges_clock_not_the_machines()
    {
        var workbook = await RenderAsync(RenderingSamples.Publicity());

        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        // 2026-12-20 01:30:10 UTC is 09:30:10 on the college's wall clock (Asia/Shanghai); zip times carry no zone.
        zip.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.LastWriteTime.DateTime == new DateTime(2026, 12, 20, 9, 30, 10));
    }

    [Fact]
    public async Task The_workbook_reads_back_with_a_sheet_per_table_the_title_on_top_and_scores_as_numbers()
    {
        var workbook = await RenderAsync(RenderingSamples.Publicity());

        MiniExcel.GetSheetNames(workbook).Should().Equal("公示名单", "用绩_明细_2026_");
        var rows = Rows(workbook, "公示名单");
        rows[0]["A"].Should().Be("2026年度创新创业积分考核公示名单");
        rows[1]["A"].Should().Be("学院：计算机与信息学院");
        rows[2]["A"].Should().Be("考核年度：2026年（第一批次）");
        rows[3]["A"].Should().Be("一、拟认定人员名单");
        Cells(rows[4]).Should().Equal("序号", "工号", "姓名", "总分", "等级", "备注");
        Cells(rows[5]).Take(5).Should().Equal("1", "T001", "张三", "92.5", "优秀");
        rows[5]["D"].Should().BeOfType<double>("a score that parses is written as a number").Which.Should().Be(92.5);
        rows[6]["F"].Should().Be(RenderingSamples.LongRemark);
        rows[7]["D"].Should().Be("待定", "text that is no number stays text");
        rows[8]["C"].Should().Be("合计");
        rows[8]["D"].Should().Be(170.5);
        rows.Select(r => r["A"]).Should().Contain("注：总分保留一位小数；“待定”表示仍在复核。");
        rows.Select(r => r["A"]).Should().NotContain("公示期：2026年12月1日至12月7日", "the footer closes the last sheet");

        var second = Rows(workbook, "用绩_明细_2026_");
        second[3]["A"].Should().Be("二、用绩结果");
        Cells(second[4]).Take(3).Should().Equal("姓名", "用途", "积分");
        second[6]["C"].Should().Be(12.25);
        second.Select(r => r["A"]).Should().Contain(["公示期：2026年12月1日至12月7日", "联系人：王老师，电话 010-62345678"]);

        // Each sheet as wide as its own table (six columns, then three), not padded to the widest with empty cells.
        var sheets = new[] { "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml" }.Select(p => XDocument.Parse(Entry(workbook, p))).ToList();
        sheets.Select(sheet => sheet.Descendants(X + "col").Count()).Should().Equal(6, 3);
        sheets[1].Descendants(X + "c").Select(c => (string)c.Attribute("r")!).Should().OnlyContain(r => r[0] <= 'C');
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_text()
    {
        var workbook = await RenderAsync(RenderingSamples.Publicity("=HYPERLINK(\"http://example.invalid\",\"点此\")"));

        Rows(workbook, "公示名单")[5]["F"].Should().Be("=HYPERLINK(\"http://example.invalid\",\"点此\")");
        using var zip = new System.IO.Compression.ZipArchive(workbook, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        (await sheet.ReadToEndAsync()).Should().NotContain("<x:f>").And.NotContain("<f>");
    }

    [Fact]
    public async Task The_table_wraps_in_bordered_cells_of_the_models_widths_and_prints_to_the_pages_width()
    {
        var workbook = await RenderAsync(RealisticSamples.Scoring());

        var rows = Rows(workbook, "评分");
        rows[6]["C"].Should().Be(RealisticSamples.Criteria, "a multi-line cell keeps its lines");
        rows[6]["F"].Should().Be(RealisticSamples.Remark);
        rows[6]["E"].Should().Be(8.5, "scores stay numbers");

        var styles = XDocument.Parse(Entry(workbook, "xl/styles.xml"));
        var sheet = XDocument.Parse(Entry(workbook, "xl/worksheets/sheet1.xml"));
        var xfs = styles.Descendants(X + "cellXfs").Single().Elements(X + "xf").ToList();
        var fonts = styles.Descendants(X + "fonts").Single().Elements(X + "font").ToList();
        XElement Xf(string cell) => xfs[(int)sheet.Descendants(X + "c").Single(c => (string?)c.Attribute("r") == cell).Attribute("s")!];
        bool IsBold(XElement xf) => fonts[(int)xf.Attribute("fontId")!].Element(X + "b") is not null;

        var criteria = Xf("C7");
        criteria.Element(X + "alignment")!.Attribute("wrapText")!.Value.Should().Be("1");
        ((int)criteria.Attribute("borderId")!).Should().BePositive();
        IsBold(criteria).Should().BeFalse();
        Xf("F7").Element(X + "alignment")!.Attribute("wrapText")!.Value.Should().Be("1");
        IsBold(Xf("C5")).Should().BeTrue("the header row is bold");
        Xf("C5").Element(X + "alignment")!.Attribute("wrapText")!.Value.Should().Be("1", "a long header wraps rather than being cut off");
        IsBold(Xf("B6")).Should().BeTrue("an emphasis row is bold");
        IsBold(Xf("E6")).Should().BeTrue("all of it, empty cells too");
        ((double)sheet.Descendants(X + "row").Single(r => (string?)r.Attribute("r") == "7").Attribute("ht")!).Should().BeGreaterThan(3 * 14, "the row is as tall as its three lines");

        var widths = sheet.Descendants(X + "col").Select(c => (double)c.Attribute("width")!).ToList();
        widths.Should().HaveCount(6);
        (widths[2] / widths[3]).Should().BeApproximately(5 / 0.8, 0.5, "the columns keep the model's relative widths");

        sheet.Root!.Elements().First().Name.Should().Be(X + "sheetPr");
        sheet.Descendants(X + "pageSetUpPr").Single().Attribute("fitToPage")!.Value.Should().Be("1");
        var setup = sheet.Descendants(X + "pageSetup").Single();
        setup.Attribute("paperSize")!.Value.Should().Be("9");
        setup.Attribute("fitToWidth")!.Value.Should().Be("1");
        setup.Attribute("fitToHeight")!.Value.Should().Be("0");
        setup.Attribute("orientation")!.Value.Should().Be("portrait");
        sheet.Descendants(X + "mergeCell").Select(m => (string?)m.Attribute("ref")).Should().Equal("A33:F33");
        sheet.Descendants(X + "sheetData").Descendants(X + "drawing").Should().BeEmpty();

        var book = XDocument.Parse(Entry(workbook, "xl/workbook.xml"));
        book.Descendants(X + "definedName").Single().Value.Should().Be("'评分'!$5:$5", "the header row repeats on every printed page");
    }

    [Fact]
    public async Task Wide_tables_print_landscape()
    {
        foreach (var document in new[] { RealisticSamples.Outcomes(), RealisticSamples.Overview() })
        {
            var workbook = await RenderAsync(document);
            XDocument.Parse(Entry(workbook, "xl/worksheets/sheet1.xml")).Descendants(X + "pageSetup").Single().Attribute("orientation")!.Value.Should().Be("landscape");
        }
    }

    [Fact]
    public void Sheet_names_keep_to_excels_rules()
    {
        var tables = new[] { "考核评分表：张三/李四", new string('长', 40), new string('长', 40), "[Summary]*?", "'引号'", " " }
            .Select(n => new DocumentTable(n, string.Empty, [], RenderingSamples.Rows()))
            .ToList();

        var names = XlsxDocumentRenderer.SheetNames(tables);

        char[] forbidden = ['[', ']', ':', '*', '?', '/', '\\'];
        names.Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.Length > 0 && n.Length <= 31 && n.IndexOfAny(forbidden) < 0);
        names[0].Should().Be("考核评分表：张三_李四", "the full-width colon is no ASCII colon");
        names[1].Should().Be(new string('长', 31));
        names[2].Should().Be(new string('长', 28) + "(2)");
        names[4].Should().Be("引号");
        names[5].Should().Be("表6");
    }

    [Fact]
    public async Task Twenty_thousand_streamed_rows_go_through_without_being_held()
    {
        const int count = 20_000;
        var probe = new RowProbe();
        var document = new DocumentModel(
            "计算机学院全体成员积分总览",
            ["考核年度：2026"],
            [new DocumentTable("总览", "全院成员", [new DocumentColumn("序号", 1), new DocumentColumn("姓名", 2), new DocumentColumn("系", 3), new DocumentColumn("积分", 1, ColumnKind.Number)], RenderingSamples.Generated(count, probe))],
            [])
        {
            FileStem = "2026-学院总览",
        };

        var clock = Stopwatch.StartNew();
        var workbook = await RenderAsync(document);
        clock.Stop();
        output.WriteLine($"xlsx, {count} rows: {clock.ElapsedMilliseconds} ms, {workbook.Length / 1024} KiB; live heap after a full collection at the last row {probe.LiveHeapAtLastRow / (1024 * 1024)} MiB");

        probe.FirstRowAlive.Should().BeFalse("the first row must be collectable by the time the last is made");
        var rows = Rows(workbook, "总览");
        var data = rows.Skip(4).ToList();
        data.Should().HaveCount(count);
        data[0]["B"].Should().Be("成员00001");
        data[^1]["A"].Should().Be(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        data[^1]["B"].Should().Be("成员20000");
        data[^1]["D"].Should().Be((double)(60 + (count % 400) / 10m));
    }

    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static string Entry(Stream workbook, string name)
    {
        workbook.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(workbook, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private async Task<MemoryStream> RenderAsync(DocumentModel document)
    {
        var sink = new MemoryStream();
        var forwardOnly = new ForwardOnlyStream(sink);
        await renderer.WriteAsync(document, forwardOnly, CancellationToken.None);
        forwardOnly.Written.Should().BePositive();
        return new MemoryStream(sink.ToArray());
    }

    private static List<IDictionary<string, object?>> Rows(Stream workbook, string sheet)
    {
        workbook.Position = 0;
        return workbook.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static IEnumerable<string?> Cells(IDictionary<string, object?> row) =>
        row.Values.Select(v => v switch
        {
            null => null,
            double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        });
}
