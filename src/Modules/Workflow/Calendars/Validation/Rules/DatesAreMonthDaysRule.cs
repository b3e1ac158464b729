using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

internal sealed class DatesAreMonthDaysRule : IRule<CalendarTemplate>
{
    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar) =>
        CalendarFields.DatesOf(calendar)
            .Where(date => !MonthDay.TryParse(date.Value, out _))
            .Select(date => $"{date.Field} '{date.Value}' is not a day of the year written MM-DD");
}
