using Chuangji.Workflow.BuildingBlocks.Validation.Rules;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Calendars.Validation;
using Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

namespace Chuangji.Workflow.Tests.Workflow.Calendars;

/// <summary>Each rule against a copy of the seed broken in exactly the way the rule forbids.</summary>
public sealed class CalendarValidatorTests
{
    private readonly CalendarTemplate _valid = DefaultCalendar.Load();

    [Fact]
    public void Validate_WhenDatesAreNotMmDd_NamesEachField()
    {
        var broken = _valid with { MaterialsDue = "11/20", QuarterlyChecks = ["03-31", "06-31", "09-30", "12-31"] };

        CalendarRules.All.ProblemsIn(broken).Should().Equal(
            new RuleProblem(nameof(DatesAreMonthDaysRule), "materialsDue '11/20' is not a day of the year written MM-DD"),
            new RuleProblem(nameof(DatesAreMonthDaysRule), "quarterlyChecks[1] '06-31' is not a day of the year written MM-DD"));
    }

    [Fact]
    public void Validate_WhenFirstHalfReportIsDueBeforeCommitment_NamesBothDates()
    {
        var broken = _valid with { FirstHalfReportDue = "01-20" };

        ShouldHaveOnly(broken, nameof(DeadlinesFollowYearOrderRule), "firstHalfReportDue (01-20) must fall after commitmentDue (01-31)");
    }

    [Fact]
    public void Validate_WhenTwoDeadlinesFallOnOneDay_NamesBothDates()
    {
        var broken = _valid with { SecondHalfReportDue = "12-17" };

        ShouldHaveOnly(broken, nameof(DeadlinesFollowYearOrderRule), "massReviewCloses (12-17) must fall after secondHalfReportDue (12-17)");
    }

    [Fact]
    public void Validate_WhenDeterminationIsBeforeMassReviewCloses_NamesBothDates()
    {
        var broken = _valid with { DeterminationBy = "12-16" };

        ShouldHaveOnly(broken, nameof(DeadlinesFollowYearOrderRule), "determinationBy (12-16) must fall on or after massReviewCloses (12-17)");
    }

    [Fact]
    public void Validate_WhenDeterminationIsTheDayMassReviewCloses_HasNoProblems()
    {
        CalendarRules.All.ProblemsIn(_valid with { DeterminationBy = "12-17" }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenChecksAreOutOfOrder_NamesTheCheck()
    {
        var broken = _valid with { HalfYearChecks = ["12-31", "06-30"] };

        ShouldHaveOnly(broken, nameof(ChecksAreInDateOrderRule), "halfYearChecks[1] (06-30) must fall after halfYearChecks[0] (12-31)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Validate_WhenPublicityDaysAreOutOfRange_NamesTheValue(int days)
    {
        ShouldHaveOnly(_valid with { PublicityDays = days }, nameof(PublicityDaysInRangeRule), $"publicityDays is {days}; it must be from 1 to 30");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void Validate_WhenPublicityDaysAreAtTheLimits_HasNoProblems(int days)
    {
        CalendarRules.All.ProblemsIn(_valid with { PublicityDays = days }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenReminderDaysAreNotPositiveOrRepeat_NamesEachValue()
    {
        var broken = _valid with { ReminderDaysBefore = [7, 0, 3, 3] };

        CalendarRules.All.ProblemsIn(broken).Should().Equal(
            new RuleProblem(nameof(ReminderDaysArePositiveAndDistinctRule), "reminderDaysBefore has 0; a reminder goes out at least 1 day before"),
            new RuleProblem(nameof(ReminderDaysArePositiveAndDistinctRule), "reminderDaysBefore has 3 2 times"));
    }

    [Fact]
    public void Validate_WhenTimeZoneIsUnknown_NamesIt()
    {
        ShouldHaveOnly(_valid with { TimeZone = "Asia/Atlantis" }, nameof(TimeZoneIsKnownRule), "timeZone 'Asia/Atlantis' is not a time zone this machine knows");
    }

    [Fact]
    public void Validate_WhenSeveralRulesAreBroken_ListsEveryProblem()
    {
        var broken = _valid with { CommitmentDue = "1-31", MassReviewCloses = "12-01", PublicityDays = 0, TimeZone = "" };

        CalendarRules.All.ProblemsIn(broken).Select(problem => problem.Rule).Should().Equal(
            nameof(DatesAreMonthDaysRule), nameof(DeadlinesFollowYearOrderRule), nameof(PublicityDaysInRangeRule), nameof(TimeZoneIsKnownRule));
    }

    private static void ShouldHaveOnly(CalendarTemplate calendar, string rule, string description) =>
        CalendarRules.All.ProblemsIn(calendar).Should().Equal(new RuleProblem(rule, description));
}
