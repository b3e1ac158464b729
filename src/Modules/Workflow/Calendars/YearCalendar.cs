namespace Chuangji.Workflow.Modules.Workflow.Calendars;

/// <summary>A year's dates, each a calendar day in <see cref="TimeZone"/>.</summary>
internal sealed record YearCalendar(
    int Year,
    string TimeZone,
    DateOnly CommitmentDue,
    DateOnly FirstHalfReportDue,
    DateOnly SecondHalfReportDue,
    DateOnly MassReviewCloses,
    int PublicityDays,
    DateOnly DeterminationBy,
    DateOnly MaterialsDue,
    IReadOnlyList<DateOnly> QuarterlyChecks,
    IReadOnlyList<DateOnly> HalfYearChecks,
    IReadOnlyList<int> ReminderDaysBefore);
