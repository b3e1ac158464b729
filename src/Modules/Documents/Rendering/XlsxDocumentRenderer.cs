using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Delivery;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>
/// A workbook with one sheet per table. Each sheet starts with the title, the heading lines and the table's
/// caption, then the header row (frozen), the rows, and the notes (the last sheet also the footer), so each
/// sheet prints on its own. Number columns hold numbers where the text parses invariantly. The table's cells are
/// bordered and wrap their lines, the header and emphasis rows are bold, and each sheet prints to the page's width
/// with the header row repeated (<see cref="XlsxFormatting"/>).
/// </summary>
/// <remarks>
/// MiniExcel takes each sheet's rows as an <see cref="IAsyncEnumerable{T}"/> and writes them straight into the
/// zip entry, so a table's rows are never held together. FastMode stays off: it opens the zip in Update mode,
/// which needs a seekable stream; in Create mode the archive writes forward only, so an HTTP response or a
/// chunk writer can be the output. MiniExcel styles no single cell, so the workbook is written to a temporary
/// file and its parts copied into a second one, the sheets streamed through an XmlReader/XmlWriter that sets each
/// cell's style and adds the page setup; that one is copied to the output.
/// </remarks>
internal sealed class XlsxDocumentRenderer(CollegeClock clock) : IDocumentRenderer
{
    private const int MaxSheetName = 31;

    private const double WorkbookWidth = 110;

    public DocumentFormat Format => DocumentFormat.Xlsx;

    public string MediaType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => ".xlsx";

    public async Task WriteAsync(DocumentModel document, Stream output, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>();
        var columns = new List<DynamicExcelColumn>();
        var layouts = new List<SheetLayout>();
        var names = SheetNames(document.Tables);
        for (var t = 0; t < document.Tables.Count; t++)
        {
            var table = document.Tables[t];
            // Each sheet as wide as its own table: a sheet padded to the widest table writes its empty cells on every row.
            var keys = Enumerable.Range(0, Math.Max(1, table.Columns.Count)).Select(c => $"T{t}C{c}").ToArray();
            var total = table.Columns.Sum(c => c.Width > 0 ? c.Width : 1);
            var widths = new double[keys.Length];
            for (var c = 0; c < keys.Length; c++)
            {
                var share = c < table.Columns.Count ? (table.Columns[c].Width > 0 ? table.Columns[c].Width : 1) / total : 0.1;
                widths[c] = Math.Clamp(share * WorkbookWidth, 6, 80);
                columns.Add(new DynamicExcelColumn(keys[c]) { Width = widths[c] });
            }

            var layout = new SheetLayout(table.Columns.Count, TopRows(document), table.Columns.Count >= DocumentRows.LandscapeColumns) { Widths = widths };
            layouts.Add(layout);
            sheets.Add(names[t], SheetRows(document, table, keys, layout, isLast: t == document.Tables.Count - 1, ct));
        }

        if (sheets.Count == 0)
        {
            var keys = new[] { "T0C0" };
            var empty = new DocumentTable("Sheet1", string.Empty, [new DocumentColumn(string.Empty, 1)], NoRows());
            var layout = new SheetLayout(0, TopRows(document), Landscape: false);
            layouts.Add(layout);
            sheets.Add("Sheet1", SheetRows(document, empty, keys, layout, isLast: true, ct));
        }

        var configuration = new OpenXmlConfiguration
        {
            FastMode = false,
            AutoFilter = false,
            EnableWriteFilePath = false,
            EnableConvertByteArray = false,
            TableStyles = TableStyles.None,
            FreezeRowCount = TopRows(document),
            DynamicColumns = [.. columns],
            Culture = CultureInfo.InvariantCulture,
        };

        var written = TemporaryFile.Open();
        await using (written.ConfigureAwait(false))
        {
            await written.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct).ConfigureAwait(false);
            written.Position = 0;
            var formatted = TemporaryFile.Open();
            await using (formatted.ConfigureAwait(false))
            {
                XlsxFormatting.Apply(written, formatted, layouts, clock.LocalNow, ct);
                formatted.Position = 0;
                await formatted.CopyToAsync(output, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Title, heading lines, caption, header: the same count on every sheet, so one frozen pane fits all.</summary>
    private static int TopRows(DocumentModel document) => 1 + document.Heading.Count + 1 + 1;

    private static async IAsyncEnumerable<IDictionary<string, object?>> SheetRows(
        DocumentModel document, DocumentTable table, string[] keys, SheetLayout layout, bool isLast, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return Line(keys, document.Title);
        foreach (var line in document.Heading)
        {
            yield return Line(keys, line);
        }

        yield return Line(keys, table.Caption);

        var header = Empty(keys);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            header[keys[c]] = table.Columns[c].Header;
        }

        layout.Fit(layout.HeaderRow, [.. table.Columns.Select(c => c.Header)], spans: false);
        yield return header;

        var number = layout.HeaderRow;
        await foreach (var row in table.Rows.WithCancellation(ct).ConfigureAwait(false))
        {
            number++;
            var cells = Empty(keys);
            for (var c = 0; c < table.Columns.Count && c < row.Cells.Count; c++)
            {
                cells[keys[c]] = Cell(row.Cells[c], table.Columns[c].Kind);
            }

            var spans = DocumentRows.SpansRow(row, table.Columns.Count);
            layout.Note(number, row.Emphasis, spans);
            layout.Fit(number, row.Cells, spans);
            yield return cells;
        }

        layout.LastRow = number;
        if (table.Notes.Count > 0 || (isLast && document.Footer.Count > 0))
        {
            yield return Empty(keys);
        }

        foreach (var note in table.Notes)
        {
            yield return Line(keys, note);
        }

        if (isLast)
        {
            foreach (var line in document.Footer)
            {
                yield return Line(keys, line);
            }
        }
    }

    private static object? Cell(string? text, ColumnKind kind)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (kind == ColumnKind.Number && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return text;
    }

    private static Dictionary<string, object?> Line(string[] keys, string? text)
    {
        var row = Empty(keys);
        row[keys[0]] = string.IsNullOrEmpty(text) ? null : text;
        return row;
    }

    private static Dictionary<string, object?> Empty(string[] keys)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        foreach (var key in keys)
        {
            row[key] = null;
        }

        return row;
    }

    private static async IAsyncEnumerable<DocumentRow> NoRows()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case.</summary>
    internal static IReadOnlyList<string> SheetNames(IReadOnlyList<DocumentTable> tables)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var cleaned = new StringBuilder();
            foreach (var ch in tables[i].SheetName ?? string.Empty)
            {
                cleaned.Append(ch is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(ch) ? '_' : ch);
            }

            var name = cleaned.ToString().Trim().Trim('\'');
            if (name.Length == 0)
            {
                name = $"表{i + 1}";
            }

            var candidate = Clip(name, MaxSheetName);
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = $"({n})";
                candidate = Clip(name, MaxSheetName - suffix.Length) + suffix;
            }

            names.Add(candidate);
        }

        return names;
    }

    private static string Clip(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }
}
