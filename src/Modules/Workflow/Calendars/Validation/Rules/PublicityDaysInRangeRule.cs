using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

internal sealed class PublicityDaysInRangeRule : IRule<CalendarTemplate>
{
    public const int Min = 1;
    public const int Max = 30;

    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar)
    {
        if (calendar.PublicityDays is < Min or > Max)
        {
            yield return $"publicityDays is {calendar.PublicityDays}; it must be from {Min} to {Max}";
        }
    }
}
