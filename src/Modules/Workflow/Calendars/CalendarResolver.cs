namespace Chuangji.Workflow.Modules.Workflow.Calendars;

/// <summary>Puts a valid template's days into a year.</summary>
internal static class CalendarResolver
{
    public static YearCalendar Resolve(CalendarTemplate template, int year)
    {
        DateOnly In(string monthDay) => MonthDay.Parse(monthDay).In(year);

        return new YearCalendar(
            year,
            template.TimeZone,
            In(template.CommitmentDue),
            In(template.FirstHalfReportDue),
            In(template.SecondHalfReportDue),
            In(template.MassReviewCloses),
            template.PublicityDays,
            In(template.DeterminationBy),
            In(template.MaterialsDue),
            template.QuarterlyChecks.Select(In).ToList(),
            template.HalfYearChecks.Select(In).ToList(),
            template.ReminderDaysBefore.ToList());
    }
}
