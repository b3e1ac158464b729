using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;

namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>
/// Reads an uploaded .xlsx into the rows of a <see cref="SheetLayout"/>: cells as text, dates as YYYY-MM-DD, blank rows
/// skipped. Bounded before anything is parsed: the file's size, what its parts unpack to, and the number of rows.
/// </summary>
internal static class SheetReader
{
    public const long MaxFileBytes = 4 * 1024 * 1024;
    private const long MaxUnpackedBytes = 64 * 1024 * 1024;

    public static SheetRows Read(MemoryStream file, SheetLayout layout)
    {
        RequireBoundedZip(file);
        try
        {
            file.Position = 0;
            // The header row on its own: a sheet of headers only (an untouched template) has no first data row to name them.
            var header = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().FirstOrDefault();
            RequireHeaders(header?.Values.Select(v => v?.ToString() ?? string.Empty).ToList() ?? [], layout);
            file.Position = 0;
            return ReadRows(MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>(), layout);
        }
        catch (Exception exception) when (exception is not SheetRefusedException and not OutOfMemoryException)
        {
            // Whatever the parser trips on inside a bounded upload is the upload's fault, never the service's.
            throw new SheetRefusedException("file", "is not a readable .xlsx workbook; save the sheet as Excel 工作簿 (.xlsx) and upload it again");
        }
    }

    private static SheetRows ReadRows(IEnumerable<IDictionary<string, object?>> rows, SheetLayout layout)
    {
        var read = new List<SheetRow>();
        var problems = new List<SheetProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 1;
        foreach (var row in rows)
        {
            number++;

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in layout.Columns)
            {
                var (text, problem) = Cell(row.TryGetValue(column.Header, out var value) ? value : null, column);
                cells[column.Field] = text;
                if (problem is not null)
                {
                    problems.Add(new SheetProblem(number, column.Header, problem));
                }
            }

            if (cells.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (read.Count == SheetLayout.MaxRows)
            {
                throw new SheetRefusedException("file", $"holds more than {SheetLayout.MaxRows} rows; split it into several sheets");
            }

            read.Add(new SheetRow(number, KeyOf(layout, cells, seen), cells));
        }

        return new SheetRows(read, problems);
    }

    private static void RequireHeaders(List<string> headers, SheetLayout layout)
    {
        var missing = layout.Columns.Where(c => !headers.Contains(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw new SheetRefusedException("file", $"lacks the column(s) {string.Join("、", missing)} in its first row; start from the template");
        }
    }

    private static (string Text, string? Problem) Cell(object? value, SheetColumn column)
    {
        switch (value)
        {
            case null:
                return (string.Empty, null);
            case DateTime date:
                return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            case double serial when column.IsDate:
                // A date the sheet stores as a number without a date format: Excel's serial day.
                return serial is >= 1 and < 2958466
                    ? (DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (serial.ToString(CultureInfo.InvariantCulture), "is not a date");
            case IFormattable number:
                return (number.ToString(null, CultureInfo.InvariantCulture), null);
            default:
                var text = value.ToString()?.Trim() ?? string.Empty;
                return text.Length > 4000 ? (text[..4000], "is longer than 4000 characters") : (text, null);
        }
    }

    private static string KeyOf(SheetLayout layout, Dictionary<string, string> cells, Dictionary<string, int> seen)
    {
        var content = layout.Name + "\u001f" + string.Join("\u001f", layout.Columns.Select(c => cells[c.Field]));
        var occurrence = seen[content] = seen.GetValueOrDefault(content) + 1;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\u001e{occurrence}"));
        return Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>An .xlsx is a zip: refuse one that is not, or whose parts would unpack beyond the bound, before reading it.</summary>
    private static void RequireBoundedZip(MemoryStream file)
    {
        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new SheetRefusedException("file", $"unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; split it into several sheets");
            }
        }
        catch (InvalidDataException)
        {
            throw new SheetRefusedException("file", "is not a readable .xlsx workbook; save the sheet as Excel 工作簿 (.xlsx) and upload it again");
        }
    }
}
