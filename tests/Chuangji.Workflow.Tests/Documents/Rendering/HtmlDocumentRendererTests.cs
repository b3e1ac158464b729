using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Documents.Rendering;

public sealed partial class HtmlDocumentRendererTests
{
    [Fact]
    public async Task The_page_is_complete_chinese_and_prints_on_a4_with_its_text()
    {
        var html = await RenderAsync(RenderingSamples.Publicity());

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<html lang=\"zh-CN\">").And.Contain("<meta charset=\"utf-8\">");
        html.Should().Contain("@page { size: A4;").And.Contain("<thead>").And.Contain("display: table-header-group").And.Contain("page-break-inside: avoid");
        html.Should().NotContainAny("<script", "<link", "src=", "href=", "@import", "url(");
        html.Should().Contain("<td class=\"number\">92.5</td>").And.Contain("<tr class=\"emphasis\">");

        var text = Text(html);
        foreach (var expected in new[]
        {
            "2026年度创新创业积分考核公示名单", "考核年度：2026年（第一批次）", "一、拟认定人员名单", "序号 工号 姓名 总分 等级 备注",
            "1 T001 张三 92.5 优秀", RenderingSamples.LongRemark, "合计 170.5", "注：总分保留一位小数；“待定”表示仍在复核。",
            "二、用绩结果", "李四 评优评先 12.25", "联系人：王老师，电话 010-62345678",
        })
        {
            text.Should().Contain(expected);
        }
    }

    [Fact]
    public async Task Html_special_characters_in_a_cell_are_encoded()
    {
        const string hostile = "<script>alert('x')</script> & \"引号\" <b>粗</b>";

        var html = await RenderAsync(RenderingSamples.Publicity(hostile));

        html.Should().NotContain("<script").And.NotContain("<b>");
        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot; &lt;b&gt;粗&lt;/b&gt;");
        Text(html).Should().Contain(hostile, "the page shows the text as it was");
    }

    [Fact]
    public async Task Lines_in_a_cell_stay_lines_and_a_lone_first_cell_spans_the_row()
    {
        var html = await RenderAsync(RealisticSamples.Scoring());

        html.Should().Contain("white-space: pre-line");
        html.Should().Contain("<td>" + WebUtility.HtmlEncode(RealisticSamples.Criteria) + "</td>", "the line breaks reach the page, where pre-line shows them");
        html.Should().Contain("<td colspan=\"6\">公示期内未收到异议</td></tr>");
    }

    [Fact]
    public async Task Registered_renderers_answer_by_format_and_only_the_pdf_needs_the_font()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Chuangji:Documents:FontFile"] = "/nonexistent/没有.ttf" })
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(RenderingSamples.Clock).AddDocumentRenderers().BuildServiceProvider();
        var renderers = services.GetServices<IDocumentRenderer>().ToDictionary(r => r.Format);

        renderers.Keys.Should().BeEquivalentTo([DocumentFormat.Xlsx, DocumentFormat.Pdf, DocumentFormat.Html]);
        renderers.Values.Select(r => r.Extension).Should().BeEquivalentTo([".xlsx", ".pdf", ".html"]);
        renderers[DocumentFormat.Pdf].MediaType.Should().Be("application/pdf");

        await FluentActions.Awaiting(() => renderers[DocumentFormat.Pdf].WriteAsync(RenderingSamples.Publicity(), new MemoryStream(), CancellationToken.None))
            .Should().ThrowAsync<FailedPreconditionException>().WithMessage("*/nonexistent/没有.ttf*fonts-droid-fallback*");

        foreach (var format in new[] { DocumentFormat.Xlsx, DocumentFormat.Html })
        {
            var sink = new MemoryStream();
            await renderers[format].WriteAsync(RenderingSamples.Publicity(), new ForwardOnlyStream(sink), CancellationToken.None);
            sink.Length.Should().BePositive($"{format} needs no font");
        }
    }

    private static async Task<string> RenderAsync(DocumentModel document)
    {
        var sink = new MemoryStream();
        await new HtmlDocumentRenderer().WriteAsync(document, new ForwardOnlyStream(sink), CancellationToken.None);
        var bytes = sink.ToArray();
        bytes.Take(3).Should().NotEqual([0xEF, 0xBB, 0xBF], "the page declares its charset and needs no byte-order mark");
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    /// <summary>What a reader sees: the page without its style and tags, entities decoded, whitespace single.</summary>
    private static string Text(string html)
    {
        var body = Style().Replace(html, " ");
        body = Tag().Replace(body, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(body), " ");
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
