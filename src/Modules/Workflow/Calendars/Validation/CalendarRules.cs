using Chuangji.Workflow.BuildingBlocks.Validation.Rules;
using Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>Everything a year calendar must get right.</summary>
internal static class CalendarRules
{
    public static readonly RuleSet<CalendarTemplate> All = new(
        "calendar",
        new DatesAreMonthDaysRule(),
        new DeadlinesFollowYearOrderRule(),
        new ChecksAreInDateOrderRule(),
        new PublicityDaysInRangeRule(),
        new ReminderDaysArePositiveAndDistinctRule(),
        new TimeZoneIsKnownRule());
}
