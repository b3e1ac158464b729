using System.Globalization;

namespace Chuangji.Workflow.Modules.Workflow.Calendars;

/// <summary>A day of the year without the year ("MM-DD"), as the calendar's defaults are written.</summary>
internal readonly record struct MonthDay(int Month, int Day) : IComparable<MonthDay>
{
    // A leap year, so that 02-29 is a day a calendar may name.
    private const int AnyLeapYear = 2000;

    public static bool TryParse(string? text, out MonthDay monthDay)
    {
        monthDay = default;
        if (text is not { Length: 5 } || text[2] != '-'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(AnyLeapYear, month))
        {
            return false;
        }

        monthDay = new MonthDay(month, day);
        return true;
    }

    public static MonthDay Parse(string text) =>
        TryParse(text, out var monthDay) ? monthDay : throw new FormatException($"'{text}' is not a MM-DD date");

    /// <summary>The day in <paramref name="year"/>; 02-29 falls on 02-28 in a common year, the last day of that February.</summary>
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    public int CompareTo(MonthDay other) => Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    public override string ToString() => $"{Month:00}-{Day:00}";
}
