using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Seeding;

namespace Chuangji.Workflow.Tests.Workflow.Calendars;

/// <summary>The shipped seed, copied beside the binaries where the Host reads it.</summary>
internal static class DefaultCalendar
{
    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", DefaultCalendarSource.FileName);

    public static CalendarTemplate Load() => DefaultCalendarSource.Load(SeedPath);
}
