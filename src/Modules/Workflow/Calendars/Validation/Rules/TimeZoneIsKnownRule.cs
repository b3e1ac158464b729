using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

internal sealed class TimeZoneIsKnownRule : IRule<CalendarTemplate>
{
    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar)
    {
        if (string.IsNullOrWhiteSpace(calendar.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
        {
            yield return $"timeZone '{calendar.TimeZone}' is not a time zone this machine knows";
        }
    }
}
