namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>
/// One row as read: its number in the sheet (the header is row 1), its cells by field, and a key that is the same
/// whenever the same row is read again (its content, and how many identical rows came before it), so that a sheet
/// uploaded twice asks for the same requests twice and the service counts them once.
/// </summary>
internal sealed record SheetRow(int Row, string Key, IReadOnlyDictionary<string, string> Cells);

/// <summary>A cell that could not be read as its column needs, named by sheet row and header.</summary>
internal sealed record SheetProblem(int Row, string Column, string Message);

internal sealed record SheetRows(IReadOnlyList<SheetRow> Rows, IReadOnlyList<SheetProblem> Problems);

/// <summary>The upload itself cannot be read as the layout's sheet: not an .xlsx, too large, a header missing.</summary>
internal sealed class SheetRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
