using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Calendars;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Years;

/// <summary>An opened year and its calendar, dates resolved in the calendar's time zone.</summary>
internal sealed class WorkflowYear
{
    public int Year { get; set; }

    public string TimeZone { get; set; } = string.Empty;

    public DateOnly CommitmentDue { get; set; }

    public DateOnly FirstHalfReportDue { get; set; }

    public DateOnly SecondHalfReportDue { get; set; }

    public DateOnly MassReviewCloses { get; set; }

    public int PublicityDays { get; set; }

    public DateOnly DeterminationBy { get; set; }

    public DateOnly MaterialsDue { get; set; }

    public string QuarterlyChecks { get; set; } = string.Empty;

    public string HalfYearChecks { get; set; } = string.Empty;

    public string ReminderDaysBefore { get; set; } = string.Empty;

    public long OpenedAtUtcTicks { get; set; }

    public string OpenedBy { get; set; } = string.Empty;

    public long Version { get; set; }

    public YearCalendar Calendar => new(
        Year,
        TimeZone,
        CommitmentDue,
        FirstHalfReportDue,
        SecondHalfReportDue,
        MassReviewCloses,
        PublicityDays,
        DeterminationBy,
        MaterialsDue,
        Dates(QuarterlyChecks),
        Dates(HalfYearChecks),
        ReminderDaysBefore.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToList());

    public static WorkflowYear Open(YearCalendar calendar, string openedBy, DateTimeOffset now)
    {
        var year = new WorkflowYear { Year = calendar.Year, OpenedAtUtcTicks = now.UtcTicks, OpenedBy = openedBy, Version = 1 };
        year.Apply(calendar);
        return year;
    }

    public void Apply(YearCalendar calendar)
    {
        TimeZone = calendar.TimeZone;
        CommitmentDue = calendar.CommitmentDue;
        FirstHalfReportDue = calendar.FirstHalfReportDue;
        SecondHalfReportDue = calendar.SecondHalfReportDue;
        MassReviewCloses = calendar.MassReviewCloses;
        PublicityDays = calendar.PublicityDays;
        DeterminationBy = calendar.DeterminationBy;
        MaterialsDue = calendar.MaterialsDue;
        QuarterlyChecks = string.Join(',', calendar.QuarterlyChecks.Select(Format));
        HalfYearChecks = string.Join(',', calendar.HalfYearChecks.Select(Format));
        ReminderDaysBefore = string.Join(',', calendar.ReminderDaysBefore.Select(d => d.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Format(DateOnly date) => IsoDate.Format(date);

    private static List<DateOnly> Dates(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => IsoDate.Parse(d)).ToList();
}
