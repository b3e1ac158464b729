using Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>Runs every rule, so a broken calendar is answered with all its problems at once.</summary>
internal static class CalendarValidator
{
    private static readonly ICalendarRule[] Rules =
    [
        new DatesAreMonthDaysRule(),
        new DeadlinesFollowYearOrderRule(),
        new ChecksAreInDateOrderRule(),
        new PublicityDaysInRangeRule(),
        new ReminderDaysArePositiveAndDistinctRule(),
        new TimeZoneIsKnownRule(),
    ];

    public static IReadOnlyList<CalendarProblem> ProblemsIn(CalendarTemplate calendar) =>
        Rules.SelectMany(rule => rule.ProblemsIn(calendar).Select(problem => new CalendarProblem(rule.GetType().Name, problem)))
            .ToList();

    public static void ThrowIfInvalid(CalendarTemplate calendar, string source)
    {
        var problems = ProblemsIn(calendar);
        if (problems.Count > 0)
        {
            throw new InvalidCalendarException(source, problems);
        }
    }
}
