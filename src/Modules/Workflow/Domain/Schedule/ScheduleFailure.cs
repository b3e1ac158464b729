namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>
/// A scheduled event that failed and has not been done since: the leadership group sees which, since when, why
/// and what it holds back (GetYear), and every sweep tries it again. Removed when it succeeds.
/// </summary>
internal sealed class ScheduleFailure
{
    public const int MaxReasonLength = 500;

    public string Key { get; set; } = string.Empty;

    public int Year { get; set; }

    public ScheduledWork Work { get; set; }

    public long DueAtUtcTicks { get; set; }

    public long FirstFailedAtUtcTicks { get; set; }

    public long LastFailedAtUtcTicks { get; set; }

    public int Attempts { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>The keys of the due events it holds back (comma-separated): later phase closes of the year.</summary>
    public string HoldsBack { get; set; } = string.Empty;
}
