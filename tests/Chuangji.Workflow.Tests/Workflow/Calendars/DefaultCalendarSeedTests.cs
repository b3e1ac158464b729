using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

namespace Chuangji.Workflow.Tests.Workflow.Calendars;

public sealed class DefaultCalendarSeedTests
{
    private readonly CalendarTemplate _template = DefaultCalendar.Load();

    [Fact]
    public void Validate_WhenSeedIsShipped_HasNoProblems()
    {
        CalendarRules.All.ProblemsIn(_template).Should().BeEmpty();
    }

    [Fact]
    public void Resolve_WhenYearIs2026_GivesTheDefaultDatesOfThatYear()
    {
        var calendar = CalendarResolver.Resolve(_template, 2026);

        calendar.Should().BeEquivalentTo(new
        {
            Year = 2026,
            TimeZone = "Asia/Shanghai",
            CommitmentDue = new DateOnly(2026, 1, 31),
            FirstHalfReportDue = new DateOnly(2026, 7, 10),
            SecondHalfReportDue = new DateOnly(2026, 12, 10),
            MassReviewCloses = new DateOnly(2026, 12, 17),
            PublicityDays = 5,
            DeterminationBy = new DateOnly(2026, 12, 31),
            MaterialsDue = new DateOnly(2026, 11, 20),
            QuarterlyChecks = new[] { new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31) },
            HalfYearChecks = new[] { new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31) },
            ReminderDaysBefore = new[] { 7, 3, 1 },
        }, options => options.WithStrictOrdering());
    }
}
