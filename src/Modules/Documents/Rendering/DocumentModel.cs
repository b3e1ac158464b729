namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>
/// A document as the renderers see it, whatever its format: a title, lines under it, tables, and lines at the
/// foot. Every document of the scheme is tables with words around them, so one model serves the workbook, the
/// PDF and the HTML page alike, and each document is written once.
/// </summary>
internal sealed record DocumentModel(string Title, IReadOnlyList<string> Heading, IReadOnlyList<DocumentTable> Tables, IReadOnlyList<string> Footer)
{
    /// <summary>The name of the file without its extension, e.g. "2026-B01-公示名单".</summary>
    public required string FileStem { get; init; }
}

/// <summary>
/// One table: in a workbook a sheet of its own (named <see cref="SheetName"/>), on paper a table under its
/// caption. Rows are streamed, so a table of a whole college is never held in memory.
/// </summary>
internal sealed record DocumentTable(string SheetName, string Caption, IReadOnlyList<DocumentColumn> Columns, IAsyncEnumerable<DocumentRow> Rows)
{
    /// <summary>Lines printed under the table (e.g. the source table's 备注).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A column: its header and its share of the page's width (relative to the other columns).</summary>
internal sealed record DocumentColumn(string Header, double Width, ColumnKind Kind = ColumnKind.Text);

internal enum ColumnKind
{
    Text,

    /// <summary>A decimal score such as "82.5": a number in a workbook, right-aligned on paper.</summary>
    Number,
}

/// <summary>A row of cells, one per column. <see cref="Emphasis"/> marks a group or total row (bold on paper).</summary>
internal sealed record DocumentRow(IReadOnlyList<string> Cells, bool Emphasis = false);
