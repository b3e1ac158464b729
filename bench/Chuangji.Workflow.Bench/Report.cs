using System.Globalization;

namespace Chuangji.Workflow.Bench;

/// <summary>Console output: headings, aligned tables, figures, and the one RESULT line of each scenario.</summary>
internal static class Report
{
    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
    }

    public static void Line(string text) => Console.WriteLine(text);

    public static void Result(string scenario, string figures) => Console.WriteLine($"RESULT {scenario}: {figures}");

    /// <summary>The first column left-aligned, the others right-aligned (they hold numbers).</summary>
    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, column) => all.Max(row => Width(row[column]))).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => column == 0
                ? cell + new string(' ', widths[column] - Width(cell))
                : new string(' ', widths[column] - Width(cell)) + cell);
            Console.WriteLine("  " + string.Join("  ", cells));
        }
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double percent) => percent.ToString("F0", CultureInfo.InvariantCulture) + "%";

    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Terminal columns: CJK characters take two.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);
}
