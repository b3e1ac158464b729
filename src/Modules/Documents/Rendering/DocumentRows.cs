namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>What the renderers decide alike about a row.</summary>
internal static class DocumentRows
{
    /// <summary>
    /// A row whose only text is in its first cell (e.g. "公示期内未收到异议") is a line across the table: it spans
    /// the row's width rather than being squeezed into the first column.
    /// </summary>
    public static bool SpansRow(DocumentRow row, int columns)
    {
        if (columns < 2 || row.Cells.Count == 0 || string.IsNullOrWhiteSpace(row.Cells[0]))
        {
            return false;
        }

        for (var i = 1; i < row.Cells.Count && i < columns; i++)
        {
            if (!string.IsNullOrWhiteSpace(row.Cells[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A table this wide is set on landscape pages (the 8-column outcome list, the 25-column overview).</summary>
    public const int LandscapeColumns = 8;
}
