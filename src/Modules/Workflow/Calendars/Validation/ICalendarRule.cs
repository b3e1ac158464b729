namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>One thing a calendar must get right; yields a sentence per breach, none when it holds.</summary>
internal interface ICalendarRule
{
    IEnumerable<string> ProblemsIn(CalendarTemplate calendar);
}
