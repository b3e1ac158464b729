using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>
/// A4 pages (landscape when a table has many columns): the title, the heading lines, each table under its caption
/// with its header row repeated on every page and its cells' text wrapped, the notes, the footer, and "第 N 页" at
/// the foot of each page. Set in the fonts <see cref="CjkFontLocator"/> finds, embedded as subsets: each run of
/// text in the Chinese font, except the characters it has no glyph for, which are set in the Latin one.
/// </summary>
/// <remarks>
/// Rows are drawn as they stream, but PDFsharp keeps every page until it saves, and it saves to a seekable
/// stream, so the file is written to a temporary file (deleted on close) and copied to the output.
/// </remarks>
internal sealed class PdfDocumentRenderer(CjkFontLocator fonts) : IDocumentRenderer
{
    private const int LandscapeColumns = 9;
    private const double Margin = 42;
    private const double Padding = 3;
    private const double FooterSpace = 22;

    public DocumentFormat Format => DocumentFormat.Pdf;

    public string MediaType => "application/pdf";

    public string Extension => ".pdf";

    public async Task WriteAsync(DocumentModel document, Stream output, CancellationToken ct)
    {
        var set = fonts.Locate();
        var landscape = document.Tables.Any(t => t.Columns.Count >= LandscapeColumns);

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Chuangji.Workflow";

        var layout = new Layout(pdf, set, landscape);
        try
        {
            layout.Paragraph(document.Title, layout.Title, center: true, after: 6);
            foreach (var line in document.Heading)
            {
                layout.Paragraph(line, layout.Body, center: true, after: 2);
            }

            layout.Space(8);
            foreach (var table in document.Tables)
            {
                await layout.TableAsync(table, ct).ConfigureAwait(false);
            }

            if (document.Footer.Count > 0)
            {
                layout.Space(8);
                foreach (var line in document.Footer)
                {
                    layout.Paragraph(line, layout.Body, center: false, after: 3);
                }
            }
        }
        finally
        {
            layout.Finish();
        }

        var temp = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (temp.ConfigureAwait(false))
        {
            await pdf.SaveAsync(temp, closeStream: false).ConfigureAwait(false);
            temp.Position = 0;
            await temp.CopyToAsync(output, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Where the next thing goes, on which page; opens a page when the current one is full.</summary>
    private sealed class Layout
    {
        private readonly PdfDocument pdf;
        private readonly bool landscape;
        private readonly Dictionary<(XFont, int), double> widths = [];
        private readonly Face pageNumber;
        private PdfPage? page;
        private XGraphics? gfx;
        private double y;
        private int pages;

        public Layout(PdfDocument pdf, PdfFontSet set, bool landscape)
        {
            this.pdf = pdf;
            this.landscape = landscape;
            Title = new Face(set, 16, XFontStyleEx.Bold);
            Caption = new Face(set, 12, XFontStyleEx.Bold);
            Body = new Face(set, 10.5, XFontStyleEx.Regular);
            Cell = new Face(set, 9, XFontStyleEx.Regular);
            CellBold = new Face(set, 9, XFontStyleEx.Bold);
            Note = new Face(set, 8.5, XFontStyleEx.Regular);
            pageNumber = new Face(set, 8, XFontStyleEx.Regular);
        }

        private enum Align
        {
            Left,
            Center,
            Right,
        }

        public Face Title { get; }

        public Face Caption { get; }

        public Face Body { get; }

        public Face Cell { get; }

        public Face CellBold { get; }

        public Face Note { get; }

        private double Width => (page?.Width.Point ?? 0) - (2 * Margin);

        private double Bottom => (page?.Height.Point ?? 0) - Margin - FooterSpace;

        public void Paragraph(string text, Face font, bool center, double after)
        {
            Ensure();
            var lineHeight = font.Height * 1.15;
            foreach (var line in Wrap(text, font, Width))
            {
                if (y + lineHeight > Bottom)
                {
                    NewPage();
                }

                Draw(line, font, Margin, y, Width, center ? Align.Center : Align.Left);
                y += lineHeight;
            }

            y += after;
        }

        public void Space(double height)
        {
            Ensure();
            y += height;
        }

        public async Task TableAsync(DocumentTable table, CancellationToken ct)
        {
            Ensure();
            var headerHeight = RowHeight(table.Columns.Select(c => c.Header).ToArray(), table, CellBold, out var headerLines);
            var captionHeight = string.IsNullOrWhiteSpace(table.Caption) ? 0 : (Caption.Height * 1.15) + 4;
            if (y + captionHeight + headerHeight + (Cell.Height * 2) > Bottom)
            {
                NewPage();
            }

            if (captionHeight > 0)
            {
                Paragraph(table.Caption, Caption, center: false, after: 4);
            }

            DrawRow(table, headerLines, headerHeight, CellBold, header: true, emphasis: false);
            await foreach (var row in table.Rows.WithCancellation(ct).ConfigureAwait(false))
            {
                var cells = Enumerable.Range(0, table.Columns.Count).Select(i => i < row.Cells.Count ? row.Cells[i] ?? string.Empty : string.Empty).ToArray();
                var font = row.Emphasis ? CellBold : Cell;
                var height = RowHeight(cells, table, font, out var lines);
                if (y + height > Bottom)
                {
                    NewPage();
                    DrawRow(table, headerLines, headerHeight, CellBold, header: true, emphasis: false);
                    var room = Bottom - y;
                    if (height > room)
                    {
                        height = Clip(lines, font, room);
                    }
                }

                DrawRow(table, lines, height, font, header: false, emphasis: row.Emphasis);
            }

            y += 4;
            foreach (var note in table.Notes)
            {
                Paragraph(note, Note, center: false, after: 1);
            }

            y += 8;
        }

        public void Finish()
        {
            gfx?.Dispose();
            gfx = null;
        }

        private double[] ColumnWidths(DocumentTable table)
        {
            var total = table.Columns.Sum(c => c.Width > 0 ? c.Width : 1);
            return table.Columns.Select(c => (c.Width > 0 ? c.Width : 1) / total * Width).ToArray();
        }

        private double RowHeight(string[] cells, DocumentTable table, Face font, out List<string>[] lines)
        {
            var columns = ColumnWidths(table);
            lines = new List<string>[cells.Length];
            var most = 1;
            for (var i = 0; i < cells.Length; i++)
            {
                lines[i] = Wrap(cells[i], font, columns[i] - (2 * Padding));
                most = Math.Max(most, lines[i].Count);
            }

            return (most * font.Height * 1.1) + (2 * Padding);
        }

        /// <summary>A row taller than a page keeps the lines that fit (no table of the scheme has one).</summary>
        private static double Clip(List<string>[] lines, Face font, double room)
        {
            var fit = Math.Max(1, (int)((room - (2 * Padding)) / (font.Height * 1.1)));
            foreach (var cell in lines)
            {
                if (cell.Count > fit)
                {
                    cell.RemoveRange(fit, cell.Count - fit);
                }
            }

            return (fit * font.Height * 1.1) + (2 * Padding);
        }

        private void DrawRow(DocumentTable table, List<string>[] lines, double height, Face font, bool header, bool emphasis)
        {
            var columns = ColumnWidths(table);
            var x = Margin;
            var lineHeight = font.Height * 1.1;
            var pen = new XPen(XColors.DimGray, 0.5);
            for (var i = 0; i < columns.Length; i++)
            {
                var box = new XRect(x, y, columns[i], height);
                if (header || emphasis)
                {
                    gfx!.DrawRectangle(header ? XBrushes.Gainsboro : XBrushes.WhiteSmoke, box);
                }

                gfx!.DrawRectangle(pen, box);
                var align = header ? Align.Center : table.Columns[i].Kind == ColumnKind.Number ? Align.Right : Align.Left;
                var ty = y + Padding;
                foreach (var line in lines[i])
                {
                    Draw(line, font, x + Padding, ty, columns[i] - (2 * Padding), align);
                    ty += lineHeight;
                }

                x += columns[i];
            }

            y += height;
        }

        private void Ensure()
        {
            if (gfx is null)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            gfx?.Dispose();
            page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
            gfx = XGraphics.FromPdfPage(page);
            pages++;
            Draw($"第 {pages} 页", pageNumber, Margin, page.Height.Point - Margin - (FooterSpace / 2), Width, Align.Center);
            y = Margin;
        }

        /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at a space where a line has one, else between any two characters (as Chinese is set).</summary>
        private List<string> Wrap(string? text, Face font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = new StringBuilder();
                var lineWidth = 0.0;
                var lastSpace = -1;
                foreach (var rune in paragraph.EnumerateRunes())
                {
                    var w = Measure(font, rune);
                    if (lineWidth + w > width && line.Length > 0 && !ClosesLine(rune))
                    {
                        if (lastSpace > 0 && !Rune.IsWhiteSpace(rune))
                        {
                            var rest = line.ToString(lastSpace + 1, line.Length - lastSpace - 1);
                            lines.Add(line.ToString(0, lastSpace));
                            line.Clear().Append(rest);
                            lineWidth = rest.EnumerateRunes().Sum(r => Measure(font, r));
                        }
                        else
                        {
                            lines.Add(line.ToString());
                            line.Clear();
                            lineWidth = 0;
                        }

                        lastSpace = -1;
                        if (Rune.IsWhiteSpace(rune))
                        {
                            continue;
                        }
                    }

                    if (rune.Value == ' ')
                    {
                        lastSpace = line.Length;
                    }

                    line.Append(rune.ToString());
                    lineWidth += w;
                }

                lines.Add(line.ToString());
            }

            return lines;
        }

        /// <summary>Chinese typesetting starts no line with closing punctuation: it stays on the line before, a little over.</summary>
        private static bool ClosesLine(Rune rune) => rune.Value < 0x10000 && "，。、；：？！）》」』”’】〕…".Contains((char)rune.Value, StringComparison.Ordinal);

        /// <summary>One line in a box <paramref name="width"/> wide, its runs set in turn on the Chinese font's baseline.</summary>
        private void Draw(string line, Face font, double left, double top, double width, Align align)
        {
            var runs = new List<(string Text, XFont Font, double Width)>();
            var run = new StringBuilder();
            XFont? current = null;
            var runWidth = 0.0;
            foreach (var rune in line.EnumerateRunes())
            {
                var face = font.For(rune);
                if (current is not null && face != current)
                {
                    runs.Add((run.ToString(), current, runWidth));
                    run.Clear();
                    runWidth = 0;
                }

                current = face;
                run.Append(rune.ToString());
                runWidth += Measure(font, rune);
            }

            if (current is not null)
            {
                runs.Add((run.ToString(), current, runWidth));
            }

            var total = runs.Sum(r => r.Width);
            var x = align switch
            {
                Align.Center => left + ((width - total) / 2),
                Align.Right => left + width - total,
                _ => left,
            };
            var baseline = top + font.Ascent;
            foreach (var (text, face, runWidthAt) in runs)
            {
                gfx!.DrawString(text, face, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
                x += runWidthAt;
            }
        }

        private double Measure(Face font, Rune rune)
        {
            var face = font.For(rune);
            if (!widths.TryGetValue((face, rune.Value), out var width))
            {
                width = gfx!.MeasureString(rune.ToString(), face).Width;
                widths[(face, rune.Value)] = width;
            }

            return width;
        }
    }

    /// <summary>One size and style in both fonts; the Chinese font's metrics set the line.</summary>
    private sealed class Face
    {
        private readonly PdfFontSet set;
        private readonly XFont cjk;
        private readonly XFont? latin;

        public Face(PdfFontSet set, double size, XFontStyleEx style)
        {
            var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
            this.set = set;
            cjk = new XFont(set.Cjk.Family, size, style, unicode);
            latin = set.Latin is null ? null : new XFont(set.Latin.Family, size, style, unicode);
            Height = cjk.GetHeight();
            Ascent = Height * cjk.CellAscent / cjk.CellSpace;
        }

        public double Height { get; }

        public double Ascent { get; }

        public XFont For(Rune rune) => latin is not null && set.UsesLatin(rune.Value) ? latin : cjk;
    }
}
