using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>
/// Reads an uploaded .xlsx into the rows of a <see cref="SheetLayout"/>: cells as text, dates as YYYY-MM-DD, blank rows
/// skipped. Bounded before anything is parsed: the file's size, what its parts unpack to, and the number of rows.
/// </summary>
internal static class SheetReader
{
    public const long MaxFileBytes = 4 * 1024 * 1024;
    private const long MaxUnpackedBytes = 64 * 1024 * 1024;

    /// <summary>Every row the parser yields counts, blank or not: a sheet can number its rows to make the parser invent billions of blank ones.</summary>
    private const int MaxRowsRead = 2 * SheetLayout.MaxRows;

    /// <summary>All the text a sheet may answer: a cell may repeat one long shared string in every row.</summary>
    private const int MaxTextChars = 4_000_000;

    private const int MaxCellChars = 500;

    private static readonly OpenXmlConfiguration Parsing = new() { IgnoreEmptyRows = true, EnableSharedStringCache = false };

    public static SheetRows Read(MemoryStream file, SheetLayout layout, CancellationToken cancellationToken)
    {
        try
        {
            RequireBoundedZip(file);
            file.Position = 0;
            // The header row on its own: a sheet of headers only (an untouched template) has no first data row to name them.
            var header = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: Parsing).Cast<IDictionary<string, object?>>().FirstOrDefault();
            if (header is { Count: > 64 })
            {
                throw new SheetRefusedException("file", $"has {header.Count} columns; the sheet has {layout.Columns.Count}, start from the template");
            }

            RequireHeaders(header?.Values.Select(v => v?.ToString() ?? string.Empty).ToList() ?? [], layout);
            file.Position = 0;
            return ReadRows(MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX, configuration: Parsing).Cast<IDictionary<string, object?>>(), layout, cancellationToken);
        }
        catch (Exception exception) when (exception is not SheetRefusedException and not OperationCanceledException)
        {
            // Whatever the parser trips on inside a bounded upload is the upload's fault, never the service's.
            throw new SheetRefusedException("file", "is not a readable .xlsx workbook; save the sheet as Excel 工作簿 (.xlsx) and upload it again");
        }
    }

    private static SheetRows ReadRows(IEnumerable<IDictionary<string, object?>> rows, SheetLayout layout, CancellationToken cancellationToken)
    {
        var read = new List<SheetRow>();
        var problems = new List<SheetProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 1;
        var yielded = 0;
        long characters = 0;
        foreach (var row in rows)
        {
            number++;
            if (++yielded > MaxRowsRead)
            {
                throw new SheetRefusedException("file", $"holds more than {SheetLayout.MaxRows} rows; split it into several sheets");
            }

            cancellationToken.ThrowIfCancellationRequested();

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

            characters += cells.Values.Sum(c => c.Length);
            if (characters > MaxTextChars)
            {
                throw new SheetRefusedException("file", $"holds more than {MaxTextChars:N0} characters of text; split it into several sheets");
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
                var written = value.ToString()?.Trim() ?? string.Empty;
                return written.Length > MaxCellChars ? (written[..MaxCellChars], $"is longer than {MaxCellChars} characters") : (written, null);
        }
    }

    /// <summary>
    /// The row's identity, not its wording: the note is left out (a corrected typo is the same fact) and a blank count
    /// is one, so a sheet edited that way and uploaded again still asks for the requests it asked before.
    /// </summary>
    private static string KeyOf(SheetLayout layout, Dictionary<string, string> cells, Dictionary<string, int> seen)
    {
        var identity = layout.Columns.Where(c => c.Field != "note").Select(c => c.Field == "count" && cells[c.Field].Length == 0 ? "1" : cells[c.Field]);
        var content = layout.Name + "\u001f" + string.Join("\u001f", identity);
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
            // Added up one by one against the bound: declared sizes near 2^62 would overflow a plain sum.
            var unpacked = 0L;
            if (zip.Entries.Any(e => (unpacked += Math.Min(e.Length, MaxUnpackedBytes + 1)) > MaxUnpackedBytes))
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
