using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>Where a sheet's table sits, noted as its rows stream by: the header row, the last row, the bold and the spanning rows.</summary>
internal sealed record SheetLayout(int Columns, int HeaderRow, bool Landscape)
{
    /// <summary>Points a line of 11-point text takes in a row.</summary>
    public const double LineHeight = 14.4;

    /// <summary>The columns' widths, in characters of the default font.</summary>
    public IReadOnlyList<double> Widths { get; init; } = [];

    /// <summary>The heights of the rows whose wrapped text takes more than one line (spreadsheets do not all fit rows to wrapped text on opening).</summary>
    public Dictionary<int, double> Heights { get; } = [];

    /// <summary>Notes the height <paramref name="cells"/> need when each wraps in its column, if more than a line.</summary>
    public void Fit(int row, IReadOnlyList<string?> cells, bool spans)
    {
        var most = 1;
        for (var c = 0; c < cells.Count && c < Widths.Count; c++)
        {
            var width = spans ? Widths.Take(Columns).Sum() : Widths[c];
            most = Math.Max(most, Lines(cells[c], width));
            if (spans)
            {
                break;
            }
        }

        if (most > 1)
        {
            Heights[row] = (most * LineHeight) + 2;
        }
    }

    /// <summary>About how many lines the text takes in a column this wide: a Chinese character is two characters wide.</summary>
    private static int Lines(string? text, double width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var room = Math.Max(1, width - 1.5);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var units = 0.0;
            foreach (var ch in paragraph)
            {
                units += ch >= 0x2E80 ? 2.0 : 1.1;
            }

            lines += Math.Max(1, (int)Math.Ceiling(units / room));
        }

        return lines;
    }

    /// <summary>More spanning rows than this are left unmerged (no document of the scheme has more than a few).</summary>
    public const int MaxMerges = 10_000;

    public HashSet<int> Emphasis { get; } = [];

    public List<int> Spanning { get; } = [];

    public int LastRow { get; set; }

    public void Note(int row, bool emphasis, bool spans)
    {
        if (emphasis)
        {
            Emphasis.Add(row);
        }

        if (spans && Spanning.Count < MaxMerges)
        {
            Spanning.Add(row);
        }
    }
}

/// <summary>
/// Copies the workbook MiniExcel wrote into a new zip, adding what MiniExcel cannot: a style sheet with a bordered,
/// wrapping cell format (and bold ones for the header and emphasis rows, the title and the caption), each cell's
/// style, the merged spanning rows, and the page setup (A4, fitted to the page's width, landscape for wide tables,
/// the header row repeated on each printed page, "第 N 页" at the foot). Sheets are streamed node by node, so a
/// sheet of 20,000 rows is never held.
/// </summary>
internal static class XlsxFormatting
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>MiniExcel's own six cell formats stay at 0–5 (it refers to them); ours follow.</summary>
    private const int Body = 6;

    private const int Header = 7;

    private const int Bold = 8;

    private const int Title = 9;

    private const int Caption = 10;

    private const string Styles = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="{Main}">
          <fonts count="3">
            <font><sz val="11"/><name val="宋体"/><charset val="134"/></font>
            <font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>
            <font><b/><sz val="14"/><name val="宋体"/><charset val="134"/></font>
          </fonts>
          <fills count="4">
            <fill><patternFill patternType="none"/></fill>
            <fill><patternFill patternType="gray125"/></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>
          </fills>
          <borders count="2">
            <border><left/><right/><top/><bottom/><diagonal/></border>
            <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>
          </borders>
          <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
          <cellXfs count="11">
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
            <xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
          </cellXfs>
          <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;

    /// <summary>Copies <paramref name="workbook"/> into <paramref name="output"/> formatted, each part dated <paramref name="writtenAt"/> (the college's clock, not the machine's).</summary>
    public static void Apply(Stream workbook, Stream output, IReadOnlyList<SheetLayout> layouts, DateTimeOffset writtenAt, CancellationToken ct)
    {
        using var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            ct.ThrowIfCancellationRequested();
            // Fastest, as MiniExcel itself compresses: Optimal made the college overview's file a third smaller and
            // took longer than writing its cells.
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            copy.LastWriteTime = writtenAt;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName == "xl/styles.xml")
            {
                using var writer = new StreamWriter(to, new System.Text.UTF8Encoding(false));
                writer.Write(Styles);
            }
            else if (entry.FullName == "xl/workbook.xml")
            {
                PrintTitles(from, to, layouts);
            }
            else if (SheetIndex(entry.FullName) is int index && index < layouts.Count)
            {
                Sheet(from, to, layouts[index], ct);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    private static int? SheetIndex(string name)
    {
        const string prefix = "xl/worksheets/sheet";
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n - 1
            : null;
    }

    /// <summary>Each sheet's header row repeats at the top of every printed page.</summary>
    private static void PrintTitles(Stream from, Stream to, IReadOnlyList<SheetLayout> layouts)
    {
        XNamespace x = Main;
        var document = XDocument.Load(from);
        var sheets = document.Root!.Element(x + "sheets")!;
        var names = new XElement(x + "definedNames");
        var i = 0;
        foreach (var sheet in sheets.Elements(x + "sheet"))
        {
            if (i < layouts.Count && layouts[i].Columns > 0)
            {
                var name = ((string?)sheet.Attribute("name") ?? string.Empty).Replace("'", "''", StringComparison.Ordinal);
                var row = layouts[i].HeaderRow.ToString(CultureInfo.InvariantCulture);
                names.Add(new XElement(x + "definedName", new XAttribute("name", "_xlnm.Print_Titles"), new XAttribute("localSheetId", i), $"'{name}'!${row}:${row}"));
            }

            i++;
        }

        if (names.HasElements)
        {
            sheets.AddAfterSelf(names);
        }

        document.Save(to, SaveOptions.DisableFormatting);
    }

    private static void Sheet(Stream from, Stream to, SheetLayout layout, CancellationToken ct)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { NewLineHandling = NewLineHandling.None, Encoding = new System.Text.UTF8Encoding(false) });
        var row = 0;
        string? drawing = null;
        var prefix = "x";
        var inSheetData = false;
        var rows = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.LocalName == "drawing" && inSheetData)
                    {
                        // MiniExcel writes its (empty) drawing inside sheetData, where it does not belong: it goes after the page setup.
                        drawing = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                        if (!reader.IsEmptyElement)
                        {
                            reader.Skip();
                        }

                        continue;
                    }

                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    var style = -1;
                    if (reader.LocalName == "row" && reader.NamespaceURI == Main)
                    {
                        row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                        if (layout.Heights.TryGetValue(row, out var height))
                        {
                            style = -2;
                            writer.WriteAttributeString("ht", height.ToString("0.##", CultureInfo.InvariantCulture));
                            writer.WriteAttributeString("customHeight", "1");
                        }

                        if (++rows % 1000 == 0)
                        {
                            ct.ThrowIfCancellationRequested();
                        }
                    }
                    else if (reader.LocalName == "c" && reader.NamespaceURI == Main)
                    {
                        style = Style(layout, row, Column(reader.GetAttribute("r")), reader.GetAttribute("s"));
                    }

                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if ((style >= 0 && reader.LocalName == "s" && reader.NamespaceURI.Length == 0) || (style == -2 && reader.LocalName is "ht" or "customHeight"))
                            {
                                continue;
                            }

                            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (style >= 0)
                    {
                        writer.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
                    }

                    if (reader.LocalName == "worksheet" && reader.NamespaceURI == Main)
                    {
                        prefix = reader.Prefix;
                        writer.WriteStartElement(prefix, "sheetPr", Main);
                        writer.WriteStartElement(prefix, "pageSetUpPr", Main);
                        writer.WriteAttributeString("fitToPage", "1");
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }

                    if (reader.LocalName == "sheetData")
                    {
                        inSheetData = !empty;
                    }

                    if (empty)
                    {
                        writer.WriteEndElement();
                        if (reader.LocalName == "sheetData")
                        {
                            PageSetup(writer, prefix, layout, drawing);
                        }
                    }

                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    if (reader.LocalName == "sheetData")
                    {
                        inSheetData = false;
                        PageSetup(writer, prefix, layout, drawing);
                    }

                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The style a cell gets, or -1 to keep its own (a number format MiniExcel chose).</summary>
    private static int Style(SheetLayout layout, int row, int column, string? current)
    {
        if (current is not null and not "0" and not "2")
        {
            return -1;
        }

        if (row == 1)
        {
            return column == 0 ? Title : -1;
        }

        if (row == layout.HeaderRow - 1)
        {
            return column == 0 ? Caption : -1;
        }

        if (column >= layout.Columns)
        {
            return -1;
        }

        if (row == layout.HeaderRow)
        {
            return Header;
        }

        if (row > layout.HeaderRow && row <= layout.LastRow)
        {
            return layout.Emphasis.Contains(row) ? Bold : Body;
        }

        return -1;
    }

    private static int Column(string? reference)
    {
        var column = 0;
        foreach (var ch in reference ?? string.Empty)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (ch - 'A' + 1);
        }

        return column - 1;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>After sheetData, in the schema's order: mergeCells, pageMargins, pageSetup, headerFooter, drawing.</summary>
    private static void PageSetup(XmlWriter writer, string prefix, SheetLayout layout, string? drawing)
    {
        if (layout.Spanning.Count > 0 && layout.Columns > 1)
        {
            writer.WriteStartElement(prefix, "mergeCells", Main);
            writer.WriteAttributeString("count", layout.Spanning.Count.ToString(CultureInfo.InvariantCulture));
            var last = ColumnName(layout.Columns - 1);
            foreach (var row in layout.Spanning)
            {
                writer.WriteStartElement(prefix, "mergeCell", Main);
                writer.WriteAttributeString("ref", string.Create(CultureInfo.InvariantCulture, $"A{row}:{last}{row}"));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement(prefix, "pageMargins", Main);
        foreach (var (name, value) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.7"), ("header", "0.3"), ("footer", "0.3") })
        {
            writer.WriteAttributeString(name, value);
        }

        writer.WriteEndElement();
        writer.WriteStartElement(prefix, "pageSetup", Main);
        writer.WriteAttributeString("paperSize", "9");
        writer.WriteAttributeString("orientation", layout.Landscape ? "landscape" : "portrait");
        writer.WriteAttributeString("fitToWidth", "1");
        writer.WriteAttributeString("fitToHeight", "0");
        writer.WriteEndElement();
        writer.WriteStartElement(prefix, "headerFooter", Main);
        writer.WriteElementString(prefix, "oddFooter", Main, "&C第 &P 页");
        writer.WriteEndElement();
        if (drawing is not null)
        {
            writer.WriteStartElement(prefix, "drawing", Main);
            writer.WriteAttributeString("r", "id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships", drawing);
            writer.WriteEndElement();
        }
    }
}
