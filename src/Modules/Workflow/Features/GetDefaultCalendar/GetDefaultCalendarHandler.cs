using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Seeding;

namespace Chuangji.Workflow.Modules.Workflow.Features.GetDefaultCalendar;

internal sealed class GetDefaultCalendarHandler(DefaultCalendarSource defaults)
{
    public YearCalendar Handle(int year)
    {
        CalendarYear.EnsureInRange(year, "year");
        return CalendarResolver.Resolve(defaults.Template, year);
    }
}
