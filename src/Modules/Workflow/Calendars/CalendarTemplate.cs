namespace Chuangji.Workflow.Modules.Workflow.Calendars;

/// <summary>
/// A year's calendar before it has a year: dates as "MM-DD" exactly as configured, so that validation can name
/// every malformed one (see <see cref="Validation.CalendarRules"/>) before <see cref="CalendarResolver"/> reads them.
/// </summary>
internal sealed record CalendarTemplate(
    string TimeZone,
    string CommitmentDue,
    string FirstHalfReportDue,
    string SecondHalfReportDue,
    string MassReviewCloses,
    int PublicityDays,
    string DeterminationBy,
    string MaterialsDue,
    IReadOnlyList<string> QuarterlyChecks,
    IReadOnlyList<string> HalfYearChecks,
    IReadOnlyList<int> ReminderDaysBefore);
