using Chuangji.Workflow.Workflow.Calendars;
using Chuangji.Workflow.Workflow.Seeding;

namespace Chuangji.Workflow.Workflow.Features.GetDefaultCalendar;

internal sealed class GetDefaultCalendarHandler(DefaultCalendarSource defaults)
{
    public YearCalendar Handle(int year)
    {
        CalendarYear.EnsureInRange(year, "year");
        return CalendarResolver.Resolve(defaults.Template, year);
    }
}
