using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>What a person sees in a document: the workbook's cells, the PDF's text, the HTML page's text.</summary>
public static partial class ReadBack
{
    /// <summary>Every row of a sheet as its cells' text, blank rows included, read with the library that wrote it.</summary>
    public static IReadOnlyList<string[]> Sheet(byte[] workbook, string sheetName)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: false, sheetName: sheetName)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty).ToArray())
            .ToList();
    }

    public static IReadOnlyList<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.GetSheetNames();
    }

    /// <summary>The row whose cells include <paramref name="key"/> (a staff number or a name), trimmed of trailing blanks.</summary>
    public static string[] RowWith(IReadOnlyList<string[]> rows, string key)
    {
        var row = rows.Where(r => r.Contains(key)).Should().ContainSingle("one row is about {0}", key).Subject;
        return row.Reverse().SkipWhile(string.IsNullOrEmpty).Reverse().ToArray();
    }

    /// <summary>A file of a zip, as bytes.</summary>
    public static byte[] Entry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The PDF's text, page after page, without whitespace: a PDF places words, it does not space them.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Whitespace().Replace(string.Concat(document.GetPages().Select(p => p.Text)), string.Empty);
    }

    public static int PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>The page's text as a reader sees it: tags gone, entities decoded, whitespace collapsed.</summary>
    public static string HtmlText(string html) =>
        Collapse(WebUtility.HtmlDecode(Tags().Replace(Styles().Replace(html, " "), " ")));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
