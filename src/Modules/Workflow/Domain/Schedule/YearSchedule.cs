using Chuangji.Workflow.Modules.Workflow.Domain.Years;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>
/// A year's schedule from its calendar (docs/domain.md §4, §6), in the calendar's time zone: a deadline
/// closes its phase when its day ends; reminders go out at 09:00 the given days before; a check
/// report is made at 20:00 on its day, the half-year summary after the branches' quarterly reports.
/// </summary>
internal static class YearSchedule
{
    private static readonly TimeOnly ReminderTime = new(9, 0);
    private static readonly TimeOnly CheckTime = new(20, 0);

    public static IReadOnlyList<ScheduledEvent> For(WorkflowYear year, TimeZoneInfo zone)
    {
        var calendar = year.Calendar;
        var events = new List<ScheduledEvent>
        {
            new(year.Year, ScheduledWork.CloseCommitment, DayEnds(calendar.CommitmentDue, zone), calendar.CommitmentDue),
            new(year.Year, ScheduledWork.CloseFirstHalf, DayEnds(calendar.FirstHalfReportDue, zone), calendar.FirstHalfReportDue),
            new(year.Year, ScheduledWork.CloseSelfReport, DayEnds(calendar.SecondHalfReportDue, zone), calendar.SecondHalfReportDue),
        };

        var deadlines = new (Deadline Deadline, DateOnly Date, ScheduledWork Work)[]
        {
            (Deadline.Commitment, calendar.CommitmentDue, ScheduledWork.MemberReminder),
            (Deadline.FirstHalfDeclaration, calendar.FirstHalfReportDue, ScheduledWork.MemberReminder),
            (Deadline.SecondHalfDeclaration, calendar.SecondHalfReportDue, ScheduledWork.MemberReminder),
            (Deadline.Materials, calendar.MaterialsDue, ScheduledWork.SecretaryReminder),
            (Deadline.BranchMeeting, calendar.DeterminationBy, ScheduledWork.SecretaryReminder),
        };
        foreach (var (deadline, date, work) in deadlines)
        {
            events.AddRange(calendar.ReminderDaysBefore.Distinct().Select(days =>
                new ScheduledEvent(year.Year, work, At(date.AddDays(-days), ReminderTime, zone), date, deadline, days)));
        }

        events.AddRange(calendar.QuarterlyChecks.Select(date => new ScheduledEvent(year.Year, ScheduledWork.QuarterlyCheck, At(date, CheckTime, zone), date)));
        events.AddRange(calendar.HalfYearChecks.Select(date => new ScheduledEvent(year.Year, ScheduledWork.HalfYearCheck, At(date, CheckTime, zone), date)));
        return events.OrderBy(e => e.At).ThenBy(e => e.Work).ToList();
    }

    /// <summary>The moment a deadline's day is over: the start of the next day.</summary>
    public static DateTimeOffset DayEnds(DateOnly date, TimeZoneInfo zone) => At(date.AddDays(1), TimeOnly.MinValue, zone);

    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
