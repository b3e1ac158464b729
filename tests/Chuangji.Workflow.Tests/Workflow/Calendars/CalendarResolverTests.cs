using Chuangji.Workflow.Modules.Workflow.Calendars;

namespace Chuangji.Workflow.Tests.Workflow.Calendars;

public sealed class CalendarResolverTests
{
    private readonly CalendarTemplate _template = DefaultCalendar.Load();

    [Theory]
    [InlineData(2026, "2026-02-28")]
    [InlineData(2028, "2028-02-29")]
    [InlineData(2100, "2100-02-28")]
    [InlineData(2000, "2000-02-29")]
    public void Resolve_WhenADateIsFebruary29_FallsOnLastDayOfThatFebruary(int year, string expected)
    {
        var calendar = CalendarResolver.Resolve(_template with { CommitmentDue = "02-29", QuarterlyChecks = ["02-29", "06-30"] }, year);

        calendar.CommitmentDue.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        calendar.QuarterlyChecks[0].Should().Be(calendar.CommitmentDue);
    }

    [Fact]
    public void Resolve_WhenYearChanges_KeepsMonthAndDay()
    {
        CalendarResolver.Resolve(_template, 2031).DeterminationBy.Should().Be(new DateOnly(2031, 12, 31));
    }
}
