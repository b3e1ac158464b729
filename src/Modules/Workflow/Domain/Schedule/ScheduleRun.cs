namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>A scheduled event that has been done (or deliberately skipped): never done again, also across restarts.</summary>
internal sealed class ScheduleRun
{
    public const int MaxOutcomeLength = 500;

    public string Key { get; set; } = string.Empty;

    public int Year { get; set; }

    public ScheduledWork Work { get; set; }

    public long DueAtUtcTicks { get; set; }

    public long RanAtUtcTicks { get; set; }

    public string Outcome { get; set; } = string.Empty;
}
