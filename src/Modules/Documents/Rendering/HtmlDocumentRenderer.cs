using System.Net;
using System.Text;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>
/// A complete, self-contained page (no script, no external resource) that prints on A4: the table's header
/// repeats on every printed page (thead) and no row is split across pages.
/// </summary>
internal sealed class HtmlDocumentRenderer : IDocumentRenderer
{
    private const string Style = """
        @page { size: A4; margin: 18mm 15mm 18mm 15mm; }
        html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Droid Sans Fallback", sans-serif; font-size: 11pt; color: #000; }
        body { margin: 0 auto; max-width: 210mm; padding: 12mm 10mm; background: #fff; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 6pt; }
        p.heading { text-align: center; margin: 2pt 0; }
        h2 { font-size: 13pt; margin: 14pt 0 6pt; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 6pt; }
        th, td { border: 1px solid #444; padding: 3pt 4pt; vertical-align: top; overflow-wrap: anywhere; white-space: pre-line; }
        th { background: #e8e8e8; font-weight: bold; text-align: center; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.emphasis td { font-weight: bold; background: #f4f4f4; }
        p.note { font-size: 9.5pt; margin: 2pt 0; }
        footer p { margin: 3pt 0; }
        footer { margin-top: 12pt; }
        @media screen { body { box-shadow: 0 0 4px #999; margin-top: 8px; margin-bottom: 8px; } }
        /* On a phone a wide table keeps its columns readable and scrolls sideways inside its box, rather than squeezing names to a character a line. */
        @media screen and (max-width: 40rem) {
          body { padding: 4mm 3mm; box-shadow: none; }
          div.table { overflow-x: auto; }
          div.table table { table-layout: auto; width: auto; min-width: 100%; }
          div.table th, div.table td { white-space: nowrap; overflow-wrap: normal; }
        }
        @media print {
          body { max-width: none; padding: 0; box-shadow: none; }
          thead { display: table-header-group; }
          tr, td, th { page-break-inside: avoid; break-inside: avoid; }
          h2 { page-break-after: avoid; break-after: avoid; }
        }
        """;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public DocumentFormat Format => DocumentFormat.Html;

    public string MediaType => "text/html; charset=utf-8";

    public string Extension => ".html";

    public async Task WriteAsync(DocumentModel document, Stream output, CancellationToken ct)
    {
        var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(new StringBuilder()
                .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(Encode(document.Title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
                .Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n"), ct).ConfigureAwait(false);
            foreach (var line in document.Heading)
            {
                await writer.WriteAsync($"<p class=\"heading\">{Encode(line)}</p>\n".AsMemory(), ct).ConfigureAwait(false);
            }

            foreach (var table in document.Tables)
            {
                await WriteTableAsync(writer, table, ct).ConfigureAwait(false);
            }

            if (document.Footer.Count > 0)
            {
                await writer.WriteAsync("<footer>\n".AsMemory(), ct).ConfigureAwait(false);
                foreach (var line in document.Footer)
                {
                    await writer.WriteAsync($"<p>{Encode(line)}</p>\n".AsMemory(), ct).ConfigureAwait(false);
                }

                await writer.WriteAsync("</footer>\n".AsMemory(), ct).ConfigureAwait(false);
            }

            await writer.WriteAsync("</body>\n</html>\n".AsMemory(), ct).ConfigureAwait(false);
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task WriteTableAsync(StreamWriter writer, DocumentTable table, CancellationToken ct)
    {
        var head = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            head.Append("<h2>").Append(Encode(table.Caption)).Append("</h2>\n");
        }

        var totalWidth = table.Columns.Sum(c => c.Width > 0 ? c.Width : 1);
        // Focusable and named: on a phone the box scrolls sideways, and a keyboard must be able to scroll it too.
        head.Append("<div class=\"table\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(Encode(string.IsNullOrWhiteSpace(table.Caption) ? table.SheetName : table.Caption)).Append("\">\n<table>\n<colgroup>");
        foreach (var column in table.Columns)
        {
            var share = (column.Width > 0 ? column.Width : 1) / totalWidth * 100;
            head.Append("<col style=\"width:").Append(share.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append("%\">");
        }

        head.Append("</colgroup>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            head.Append("<th>").Append(Encode(column.Header)).Append("</th>");
        }

        head.Append("</tr></thead>\n<tbody>\n");
        await writer.WriteAsync(head, ct).ConfigureAwait(false);

        var line = new StringBuilder();
        await foreach (var row in table.Rows.WithCancellation(ct).ConfigureAwait(false))
        {
            line.Clear().Append(row.Emphasis ? "<tr class=\"emphasis\">" : "<tr>");
            if (DocumentRows.SpansRow(row, table.Columns.Count))
            {
                line.Append("<td colspan=\"").Append(table.Columns.Count).Append("\">").Append(Encode(row.Cells[0])).Append("</td></tr>\n");
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < table.Columns.Count; i++)
            {
                var cell = i < row.Cells.Count ? row.Cells[i] : string.Empty;
                line.Append(table.Columns[i].Kind == ColumnKind.Number ? "<td class=\"number\">" : "<td>").Append(Encode(cell)).Append("</td>");
            }

            line.Append("</tr>\n");
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
        }

        await writer.WriteAsync("</tbody>\n</table>\n</div>\n".AsMemory(), ct).ConfigureAwait(false);
        foreach (var note in table.Notes)
        {
            await writer.WriteAsync($"<p class=\"note\">{Encode(note)}</p>\n".AsMemory(), ct).ConfigureAwait(false);
        }
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
