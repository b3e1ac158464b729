using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

internal sealed class ChecksAreInDateOrderRule : IRule<CalendarTemplate>
{
    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar) =>
        ProblemsIn("quarterlyChecks", calendar.QuarterlyChecks).Concat(ProblemsIn("halfYearChecks", calendar.HalfYearChecks));

    private static IEnumerable<string> ProblemsIn(string field, IReadOnlyList<string> checks)
    {
        for (var i = 1; i < checks.Count; i++)
        {
            if (MonthDay.TryParse(checks[i - 1], out var earlier) && MonthDay.TryParse(checks[i], out var later)
                && later.CompareTo(earlier) <= 0)
            {
                yield return $"{field}[{i}] ({checks[i]}) must fall after {field}[{i - 1}] ({checks[i - 1]})";
            }
        }
    }
}
