using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

namespace Chuangji.Workflow.Modules.Workflow.Seeding;

/// <summary>
/// The college's default calendar from seeds/, read and validated on first use. A broken seed fails every
/// use with the full list of its problems (the failure is cached, as the file does not change while running).
/// </summary>
internal sealed class DefaultCalendarSource(SeedDirectory seeds)
{
    public const string FileName = "calendar.default.json";

    private readonly Lazy<CalendarTemplate> _template = new(() => Load(seeds.FileNamed(FileName)));

    public CalendarTemplate Template => _template.Value;

    public static CalendarTemplate Load(string path)
    {
        var template = CalendarJson.ReadFile(path);
        CalendarRules.All.ThrowIfInvalid(template, path);
        return template;
    }
}
