using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

internal sealed class ReminderDaysArePositiveAndDistinctRule : IRule<CalendarTemplate>
{
    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar)
    {
        foreach (var days in calendar.ReminderDaysBefore.Where(days => days < 1))
        {
            yield return $"reminderDaysBefore has {days}; a reminder goes out at least 1 day before";
        }

        foreach (var group in calendar.ReminderDaysBefore.GroupBy(days => days).Where(group => group.Count() > 1))
        {
            yield return $"reminderDaysBefore has {group.Key} {group.Count()} times";
        }
    }
}
