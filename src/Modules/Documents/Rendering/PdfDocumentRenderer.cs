using System.Text;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Delivery;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>
/// A4 pages (landscape when a table has <see cref="DocumentRows.LandscapeColumns"/> columns or more): the title, the
/// heading lines, each table under its caption with its header row repeated on every page and its cells' text
/// wrapped as Chinese is set, a group heading kept with the row after it, the notes, the footer, and "第 N 页" at
/// the foot of each page. Set in the fonts <see cref="CjkFontLocator"/> finds, embedded as subsets: each run of
/// text in the Chinese font, except the characters it has no glyph for, which are set in the Latin one.
/// </summary>
/// <remarks>
/// Rows are drawn as they stream, but PDFsharp keeps every page until it saves, and it saves to a seekable
/// stream, so the file is written to a temporary file (deleted on close) and copied to the output.
/// </remarks>
internal sealed class PdfDocumentRenderer(CjkFontLocator fonts, CollegeClock clock) : IDocumentRenderer
{
    private const double Margin = 42;
    private const double Padding = 3;
    private const double FooterSpace = 22;

    public DocumentFormat Format => DocumentFormat.Pdf;

    public string MediaType => "application/pdf";

    public string Extension => ".pdf";

    public async Task WriteAsync(DocumentModel document, Stream output, CancellationToken ct)
    {
        var set = fonts.Locate();
        var landscape = document.Tables.Any(t => t.Columns.Count >= DocumentRows.LandscapeColumns);

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Chuangji.Workflow";
        // In UTC: PDFsharp labels any other DateTime with the machine's offset, not the college's.
        pdf.Info.CreationDate = clock.UtcNow.UtcDateTime;
        pdf.Info.ModificationDate = pdf.Info.CreationDate;

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

        var temp = TemporaryFile.Open();
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
            Pending? held = null;
            await foreach (var row in table.Rows.WithCancellation(ct).ConfigureAwait(false))
            {
                var cells = Enumerable.Range(0, table.Columns.Count).Select(i => i < row.Cells.Count ? row.Cells[i] ?? string.Empty : string.Empty).ToArray();
                var font = row.Emphasis ? CellBold : Cell;
                var spans = DocumentRows.SpansRow(row, table.Columns.Count);
                var height = spans ? SpanHeight(cells[0], font, out var lines) : RowHeight(cells, table, font, out lines);
                var current = new Pending(lines, height, font, row.Emphasis, spans);
                if (held is not null)
                {
                    // A group heading is not left alone at a page's foot: it goes over with the row it heads.
                    if (y + held.Height + height > Bottom && y + held.Height <= Bottom && held.Height + height <= Bottom - Margin - headerHeight)
                    {
                        NewPage();
                        DrawRow(table, headerLines, headerHeight, CellBold, header: true, emphasis: false);
                    }

                    Place(table, held, headerLines, headerHeight);
                    held = null;
                }

                if (row.Emphasis)
                {
                    held = current;
                    continue;
                }

                Place(table, current, headerLines, headerHeight);
            }

            if (held is not null)
            {
                Place(table, held, headerLines, headerHeight);
            }

            y += 4;
            foreach (var note in table.Notes)
            {
                Paragraph(note, Note, center: false, after: 1);
            }

            y += 8;
        }

        private void Place(DocumentTable table, Pending row, List<string>[] headerLines, double headerHeight)
        {
            var height = row.Height;
            if (y + height > Bottom)
            {
                NewPage();
                DrawRow(table, headerLines, headerHeight, CellBold, header: true, emphasis: false);
                var room = Bottom - y;
                if (height > room)
                {
                    height = Clip(row.Lines, row.Font, room);
                }
            }

            if (row.Spans)
            {
                DrawSpan(row.Lines[0], height, row.Font, row.Emphasis);
            }
            else
            {
                DrawRow(table, row.Lines, height, row.Font, header: false, emphasis: row.Emphasis);
            }
        }

        private double SpanHeight(string text, Face font, out List<string>[] lines)
        {
            lines = [Wrap(text, font, Width - (2 * Padding))];
            return (Math.Max(1, lines[0].Count) * font.Height * 1.1) + (2 * Padding);
        }

        /// <summary>A row whose only text is its first cell's, across the table's width.</summary>
        private void DrawSpan(List<string> lines, double height, Face font, bool emphasis)
        {
            var box = new XRect(Margin, y, Width, height);
            if (emphasis)
            {
                gfx!.DrawRectangle(XBrushes.WhiteSmoke, box);
            }

            gfx!.DrawRectangle(new XPen(XColors.DimGray, 0.5), box);
            var ty = y + Padding;
            foreach (var line in lines)
            {
                Draw(line, font, Margin + Padding, ty, Width - (2 * Padding), Align.Left);
                ty += font.Height * 1.1;
            }

            y += height;
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

        /// <summary>
        /// Breaks text into lines no wider than <paramref name="width"/>, as Chinese is set: between any two Chinese
        /// characters, and at spaces; a run of Latin letters or figures ("2026", "09:00", "T001", "2.") is kept whole
        /// unless it alone is wider than the line. No line starts with closing punctuation (，。）…) or ends with opening
        /// punctuation (（“): the character before goes over with it, so nothing is drawn past the line's end. A break
        /// between figures and a Chinese character ("12|月") is taken only when no break at a space or between Chinese
        /// characters leaves the line at least 60% full, so "2026年12月24日 09:00" breaks at its space.
        /// </summary>
        private List<string> Wrap(string? text, Face font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var atoms = Atoms(paragraph, font, width);
                var start = 0;
                var any = false;
                while (true)
                {
                    while (start < atoms.Count && atoms[start].Kind == Kind.Space)
                    {
                        start++;
                    }

                    if (start >= atoms.Count)
                    {
                        break;
                    }

                    var end = start;
                    var used = 0.0;
                    while (end < atoms.Count && used + atoms[end].Width <= width)
                    {
                        used += atoms[end].Width;
                        end++;
                    }

                    if (end == atoms.Count)
                    {
                        lines.Add(Join(atoms, start, end));
                        any = true;
                        break;
                    }

                    var at = end == start ? start + 1 : Break(atoms, start, end, width);
                    lines.Add(Join(atoms, start, at));
                    any = true;
                    start = at;
                }

                if (!any)
                {
                    lines.Add(string.Empty);
                }
            }

            return lines;
        }

        /// <summary>Where to end a line that atoms start..end-1 fill (atom end does not fit): the index of the line's first atom after.</summary>
        private static int Break(List<Atom> atoms, int start, int end, double width)
        {
            var weak = -1;
            var filled = 0.0;
            var widths = new double[end - start + 1];
            for (var i = start; i < end; i++)
            {
                filled += atoms[i].Width;
                widths[i - start + 1] = filled;
            }

            for (var b = end; b > start; b--)
            {
                var strength = Strength(atoms[b - 1].Kind, atoms[b].Kind);
                if (strength == 2)
                {
                    return weak < 0 || widths[b - start] >= 0.6 * width ? b : weak;
                }

                if (strength == 1 && weak < 0)
                {
                    weak = b;
                }
            }

            // No break point on the line (a long run of letters, or punctuation that may not start it): break before the atom that does not fit.
            return weak > 0 ? weak : end;
        }

        /// <summary>How good a break between two atoms is: 2 a space or between Chinese characters, 1 between figures and Chinese, 0 none.</summary>
        private static int Strength(Kind before, Kind after)
        {
            if (before == Kind.Space || after == Kind.Space)
            {
                return 2;
            }

            if (after == Kind.Close || before == Kind.Open)
            {
                return 0;
            }

            if (before == Kind.Latin || after == Kind.Latin)
            {
                return 1;
            }

            return 2;
        }

        private static string Join(List<Atom> atoms, int start, int end)
        {
            while (end > start && atoms[end - 1].Kind == Kind.Space)
            {
                end--;
            }

            var text = new StringBuilder();
            for (var i = start; i < end; i++)
            {
                text.Append(atoms[i].Text);
            }

            return text.ToString();
        }

        /// <summary>The paragraph as unbreakable pieces: each Chinese character, each run of spaces, each run of other characters (split by character where wider than the line).</summary>
        private List<Atom> Atoms(string paragraph, Face font, double width)
        {
            var atoms = new List<Atom>();
            var run = new StringBuilder();
            var runWidth = 0.0;
            var runKind = Kind.Latin;

            void Flush()
            {
                if (run.Length == 0)
                {
                    return;
                }

                if (runKind == Kind.Latin && runWidth > width)
                {
                    foreach (var piece in run.ToString().EnumerateRunes())
                    {
                        atoms.Add(new Atom(piece.ToString(), Measure(font, piece), Kind.Cjk));
                    }
                }
                else
                {
                    atoms.Add(new Atom(run.ToString(), runWidth, runKind));
                }

                run.Clear();
                runWidth = 0;
            }

            foreach (var rune in paragraph.EnumerateRunes())
            {
                var kind = KindOf(rune);
                if (kind is Kind.Cjk or Kind.Open or Kind.Close || kind != runKind)
                {
                    Flush();
                }

                runKind = kind;
                run.Append(rune.ToString());
                runWidth += Measure(font, rune);
                if (kind is Kind.Cjk or Kind.Open or Kind.Close)
                {
                    Flush();
                }
            }

            Flush();
            return atoms;
        }

        private static Kind KindOf(Rune rune)
        {
            if (Rune.IsWhiteSpace(rune))
            {
                return Kind.Space;
            }

            if (rune.Value < 0x10000 && "，。、；：？！）》」』”’】〕…％·".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                return Kind.Close;
            }

            if (rune.Value < 0x10000 && "（《「『“‘【〔".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                return Kind.Open;
            }

            return rune.Value is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF) or >= 0x20000 or 0x2014
                ? Kind.Cjk
                : Kind.Latin;
        }

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

    private enum Kind
    {
        Latin,
        Cjk,
        Space,
        Open,
        Close,
    }

    private readonly record struct Atom(string Text, double Width, Kind Kind);

    /// <summary>A row laid out, waiting to be drawn (a group heading waits for the row after it).</summary>
    private sealed record Pending(List<string>[] Lines, double Height, Face Font, bool Emphasis, bool Spans);

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
