using System.Globalization;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>
/// One moment of a year's schedule. <see cref="Key"/> names it for the run ledger: the year, the work,
/// the date it concerns and, for reminders, the deadline and the days before it, so a moved date is a
/// new event and a done event is never done again.
/// </summary>
internal sealed record ScheduledEvent(int Year, ScheduledWork Work, DateTimeOffset At, DateOnly Date, Deadline? Deadline = null, int DaysBefore = 0)
{
    /// <summary>A member deadline closing its phase: these follow one another, so a failed one holds back the later ones.</summary>
    public bool ClosesPhase => Work is ScheduledWork.CloseCommitment or ScheduledWork.CloseFirstHalf or ScheduledWork.CloseSelfReport;

    public string Key =>
        string.Create(CultureInfo.InvariantCulture, $"{Year}/{Work}/{Date:yyyy-MM-dd}") +
        (Deadline is { } deadline ? string.Create(CultureInfo.InvariantCulture, $"/{deadline}/{DaysBefore}") : string.Empty);
}
