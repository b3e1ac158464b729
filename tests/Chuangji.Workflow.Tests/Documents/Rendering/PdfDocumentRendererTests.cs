using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Documents.Rendering;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Chuangji.Workflow.Tests.Documents.Rendering;

public sealed partial class PdfDocumentRendererTests(ITestOutputHelper output)
{
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public async Task The_pdf_is_a4_with_the_chinese_text_and_figures_extractable()
    {
        var bytes = await RenderAsync(RenderingSamples.Publicity());

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        page.Width.Should().BeApproximately(595.3, 1);
        page.Height.Should().BeApproximately(841.9, 1);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var expected in new[]
        {
            "2026年度创新创业积分考核公示名单", "学院：计算机与信息学院", "一、拟认定人员名单", "序号", "工号", "姓名", "总分", "备注",
            "T001", "张三", "92.5", "优秀", "李四", "欧阳明", "待定", "合计", "170.5", "注：总分保留一位小数；“待定”表示仍在复核。",
            "二、用绩结果", "职称评审", "12.25", "公示期：2026年12月1日至12月7日", "第1页", Squeeze(RenderingSamples.LongRemark),
        })
        {
            text.Should().Contain(expected);
        }

        page.GetWords().Select(w => w.Text).Should().Contain("92.5");
        var fontsOf = page.Letters.ToLookup(l => l.Value, l => l.FontName);
        output.WriteLine($"张 in {string.Join(", ", fontsOf["张"].Distinct())}; 9 in {string.Join(", ", fontsOf["9"].Distinct())}");
        fontsOf["张"].Should().NotBeEmpty().And.OnlyContain(f => f.Contains("Droid", StringComparison.OrdinalIgnoreCase));
        fontsOf["9"].Should().NotBeEmpty().And.OnlyContain(f => f.Contains("DejaVu", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_pdf_is_dated_by_the_colleges_clock_not_the_machines()
    {
        var bytes = await RenderAsync(RenderingSamples.Publicity());

        using var pdf = PdfDocument.Open(bytes);
        output.WriteLine($"CreationDate {pdf.Information.CreationDate}, ModifiedDate {pdf.Information.ModifiedDate}");
        // 2026-12-20 01:30:10 UTC is 09:30:10 in Asia/Shanghai.
        pdf.Information.GetCreatedDateTimeOffset().Should().Be(RenderingSamples.RenderedAt);
        pdf.Information.GetModifiedDateTimeOffset().Should().Be(RenderingSamples.RenderedAt);
    }

    [Fact]
    public async Task A_long_table_repeats_its_header_and_numbers_every_page()
    {
        var document = new DocumentModel(
            "考核评分表",
            ["成员：张三（T001）"],
            [new DocumentTable("评分", "评分明细", [new DocumentColumn("序号", 1), new DocumentColumn("评分项目", 4), new DocumentColumn("得分", 1, ColumnKind.Number)], Many(150))],
            [])
        {
            FileStem = "评分表",
        };

        var clock = Stopwatch.StartNew();
        var bytes = await RenderAsync(document);
        output.WriteLine($"pdf, 150 rows: {clock.ElapsedMilliseconds} ms, {bytes.Length / 1024} KiB");

        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.Should().BeGreaterThan(2);
        foreach (var page in pdf.GetPages())
        {
            var text = Squeeze(page.Text);
            text.Should().Contain("序号评分项目得分", $"page {page.Number} repeats the header row");
            text.Should().Contain($"第{page.Number}页");
        }

        Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text))).Should().Contain("149第149项创新创业指导工作74.5150第150项创新创业指导工作75");
    }

    [Fact]
    public async Task Chinese_wraps_within_its_cell_keeping_every_character_and_a_lone_first_cell_spans_the_row()
    {
        var bytes = await RenderAsync(RealisticSamples.Scoring());

        using var pdf = PdfDocument.Open(bytes);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        text.Should().Contain(Squeeze(RealisticSamples.Criteria.Replace("\n", string.Empty, StringComparison.Ordinal)));
        text.Should().Contain(Squeeze(RealisticSamples.Remark.Replace("\n", string.Empty, StringComparison.Ordinal)));

        // The columns' borders, as the renderer lays out A4 portrait: 42 pt margins, widths 0.6 : 1.4 : 5 : 0.8 : 0.8 : 2.
        double[] shares = [0.6, 1.4, 5, 0.8, 0.8, 2];
        var borders = new List<double> { 42 };
        foreach (var share in shares)
        {
            borders.Add(borders[^1] + (share / shares.Sum() * (595.28 - 84)));
        }

        foreach (var page in pdf.GetPages())
        {
            var body = page.Letters.Where(l => l.Value.Trim().Length > 0 && l.FontSize is > 8.8 and < 9.2 && l.BoundingBox.Bottom > 60).ToList();
            body.Should().OnlyContain(l => !borders.Any(b => l.BoundingBox.Left < b - 0.5 && l.BoundingBox.Right > b + 0.5), $"no letter crosses a cell's border (page {page.Number})");
        }

        var first = pdf.GetPage(1).Letters.Where(l => l.BoundingBox.Left > borders[2] && l.BoundingBox.Right < borders[3]).ToList();
        first.Select(l => l.Value).Should().Contain("。", "a long Chinese line wraps within its column, its full stop too");
        first.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Should().HaveCountGreaterThan(6, "the criteria wrap over several lines");

        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var at = Enumerable.Range(0, letters.Count - 9).First(i => string.Concat(letters.Skip(i).Take(4).Select(l => l.Value)) == "公示期内");
        var lone = letters.GetRange(at, 9);
        string.Concat(lone.Select(l => l.Value)).Should().Be("公示期内未收到异议");
        lone.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Should().ContainSingle("a row with only its first cell spans the table's width");
        lone[^1].BoundingBox.Right.Should().BeGreaterThan(borders[1]);
    }

    [Fact]
    public async Task A_group_heading_is_never_the_last_row_on_a_page()
    {
        var rows = Enumerable.Range(1, 60).SelectMany(g => new[] { new DocumentRow([$"第{g}组", string.Empty, "小计"], Emphasis: true) }
            .Concat(Enumerable.Range(1, 1 + (g % 4)).Select(i => new DocumentRow([$"{g}.{i}", $"项目{g}-{i}", "1"])))).ToArray();
        var document = new DocumentModel("分组", [], [new DocumentTable("分组", string.Empty, [new DocumentColumn("序号", 1), new DocumentColumn("项目", 3), new DocumentColumn("得分", 1)], RenderingSamples.Rows(rows))], [])
        {
            FileStem = "分组",
        };

        using var pdf = PdfDocument.Open(await RenderAsync(document));
        pdf.NumberOfPages.Should().BeGreaterThan(2);
        foreach (var page in pdf.GetPages().Take(pdf.NumberOfPages - 1))
        {
            var cells = page.Letters.Where(l => l.FontSize is > 8.8 and < 9.2).ToList();
            var lowest = cells.Min(l => l.StartBaseLine.Y);
            var last = string.Concat(cells.Where(l => Math.Abs(l.StartBaseLine.Y - lowest) < 1).OrderBy(l => l.StartBaseLine.X).Select(l => l.Value));
            last.Should().NotContain("组", $"page {page.Number} ends with a row, not a heading left alone: {last}");
        }

        Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text))).Should().Contain("第60组小计60.1项目60-11");
    }

    [Fact]
    public async Task The_outcome_list_and_the_overview_are_landscape()
    {
        foreach (var document in new[] { RealisticSamples.Outcomes(), RealisticSamples.Overview() })
        {
            using var pdf = PdfDocument.Open(await RenderAsync(document));
            pdf.GetPage(1).Width.Should().BeGreaterThan(pdf.GetPage(1).Height);
        }
    }

    [Fact]
    public async Task Many_columns_turn_the_page_to_landscape()
    {
        var columns = Enumerable.Range(1, 10).Select(i => new DocumentColumn($"第{i}项", 1, ColumnKind.Number)).ToList();
        var document = new DocumentModel("学院总览", [], [new DocumentTable("总览", string.Empty, columns, RenderingSamples.Rows(new DocumentRow(columns.Select((_, i) => $"{i}.5").ToList())))], [])
        {
            FileStem = "总览",
        };

        using var pdf = PdfDocument.Open(await RenderAsync(document));
        pdf.GetPage(1).Width.Should().BeGreaterThan(pdf.GetPage(1).Height);
    }

    [Fact]
    public async Task Without_a_usable_font_the_pdf_is_refused_as_failed_precondition_naming_the_package()
    {
        var renderer = new PdfDocumentRenderer(new CjkFontLocator(null, ["/nonexistent/DroidSansFallbackFull.ttf"]), RenderingSamples.Clock);

        var refusal = await FluentActions.Awaiting(() => renderer.WriteAsync(RenderingSamples.Publicity(), new MemoryStream(), CancellationToken.None))
            .Should().ThrowAsync<FailedPreconditionException>();

        refusal.Which.Message.Should().Contain("apt-get install fonts-droid-fallback").And.Contain("Chuangji:Documents:FontFile");
    }

    [Fact]
    public void Fonts_pdfsharp_cannot_embed_are_refused_with_the_reason()
    {
        var collection = Scratch("ttcf\0\u0002\0\0\0\0\0\0");
        var cff = Scratch("OTTO\0\u0001\0\0\0\0\0\0");
        try
        {
            CjkFontLocator.Check(collection, "中", out _, out _).Should().Contain(".ttc");
            CjkFontLocator.Check(cff, "中", out _, out _).Should().Contain("CFF");
            CjkFontLocator.Check("/nonexistent.ttf", "中", out _, out _).Should().Be("not found");
            if (File.Exists(DejaVu))
            {
                CjkFontLocator.Check(DejaVu, "中", out _, out _).Should().Be("has no Chinese glyphs");
                CjkFontLocator.Check(DejaVu, "0123456789Az", out _, out var latin).Should().BeNull();
                latin!('中').Should().BeFalse();
            }

            CjkFontLocator.Check(RenderingSamples.DroidFont, "中文积分", out var bytes, out var covers).Should().BeNull($"{RenderingSamples.DroidFont} (Debian's fonts-droid-fallback) is the font the PDFs are set in");
            bytes.Should().NotBeEmpty();
            covers!('7').Should().BeFalse("Droid Sans Fallback has no figures, which is why a Latin font is set beside it");
            CjkFontLocator.Check(RenderingSamples.DroidFont, "0", out _, out _).Should().Be("has no Latin letters or digits");

            var refusal = FluentActions.Invoking(() => new CjkFontLocator(cff, CjkFontLocator.DefaultCandidates).Locate()).Should().Throw<FailedPreconditionException>().Which;
            refusal.Message.Should().Contain(cff).And.Contain("CFF", "a configured font is not silently replaced");
        }
        finally
        {
            File.Delete(collection);
            File.Delete(cff);
        }
    }

    [Fact]
    public async Task Without_a_font_for_figures_the_pdf_is_refused_naming_that_package()
    {
        var renderer = new PdfDocumentRenderer(new CjkFontLocator(null, [RenderingSamples.DroidFont], null, ["/nonexistent/DejaVuSans.ttf"]), RenderingSamples.Clock);

        var refusal = await FluentActions.Awaiting(() => renderer.WriteAsync(RenderingSamples.Publicity(), new MemoryStream(), CancellationToken.None))
            .Should().ThrowAsync<FailedPreconditionException>();

        refusal.Which.Message.Should().Contain("apt-get install fonts-dejavu-core").And.Contain("Chuangji:Documents:LatinFontFile");
    }

    private static async Task<byte[]> RenderAsync(DocumentModel document)
    {
        var renderer = new PdfDocumentRenderer(new CjkFontLocator(null, CjkFontLocator.DefaultCandidates), RenderingSamples.Clock);
        var sink = new MemoryStream();
        await renderer.WriteAsync(document, new ForwardOnlyStream(sink), CancellationToken.None);
        return sink.ToArray();
    }

    private static async IAsyncEnumerable<DocumentRow> Many(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return new DocumentRow([i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"第{i}项创新创业指导工作", (i / 2m).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }

    private static string Scratch(string header)
    {
        var path = Path.Combine(Path.GetTempPath(), $"font-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(header.PadRight(64, '\0')));
        return path;
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
