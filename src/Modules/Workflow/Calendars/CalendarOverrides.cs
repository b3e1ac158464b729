using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Modules.Workflow.Calendars;

/// <summary>Dates a caller sets for one year (YYYY-MM-DD in that year); null keeps a date as it is.</summary>
internal sealed record CalendarOverrides(
    string? CommitmentDue,
    string? FirstHalfReportDue,
    string? SecondHalfReportDue,
    string? MassReviewCloses,
    int? PublicityDays,
    string? DeterminationBy,
    string? MaterialsDue)
{
    public const int MaxPublicityDays = 30;

    /// <summary>
    /// The calendar with these dates set, every rule checked and every breach named at once. With
    /// <paramref name="today"/> (a calendar already in use), a date that has passed may not change,
    /// nor be moved into the past. A value that is itself refused takes no part in the checks that
    /// compare it with others (the order of the deadlines, the days of publicity).
    /// </summary>
    public YearCalendar ApplyTo(YearCalendar calendar, DateOnly? today)
    {
        var violations = new Violations();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        DateOnly Date(string field, string? value, DateOnly current)
        {
            if (value is null)
            {
                return current;
            }

            if (!IsoDate.TryParse(value, out var date) || date.Year != calendar.Year)
            {
                violations.Add(field, $"'{Echo.Of(value)}' is not a date of the form YYYY-MM-DD in {calendar.Year}");
                refused.Add(field);
                return current;
            }

            if (today is { } day && date != current && current < day)
            {
                violations.Add(field, $"was {IsoDate.Format(current)}, which has passed: it can no longer change");
            }
            else if (today is { } now && date != current && date < now)
            {
                violations.Add(field, $"must not be moved into the past (today is {IsoDate.Format(now)})");
            }

            return date;
        }

        var changed = calendar with
        {
            CommitmentDue = Date("calendar.commitment_due", CommitmentDue, calendar.CommitmentDue),
            FirstHalfReportDue = Date("calendar.first_half_report_due", FirstHalfReportDue, calendar.FirstHalfReportDue),
            SecondHalfReportDue = Date("calendar.second_half_report_due", SecondHalfReportDue, calendar.SecondHalfReportDue),
            MassReviewCloses = Date(MassReviewClosesField, MassReviewCloses, calendar.MassReviewCloses),
            DeterminationBy = Date(DeterminationByField, DeterminationBy, calendar.DeterminationBy),
            MaterialsDue = Date("calendar.materials_due", MaterialsDue, calendar.MaterialsDue),
            PublicityDays = PublicityDays ?? calendar.PublicityDays,
        };
        if (changed.PublicityDays is < 1 or > MaxPublicityDays)
        {
            violations.Add(PublicityDaysField, $"must be from 1 to {MaxPublicityDays}, not {changed.PublicityDays}");
            refused.Add(PublicityDaysField);
        }

        CheckOrder(changed, violations, refused);
        violations.ThrowIfAny();
        return changed;
    }

    private const string PublicityDaysField = "calendar.publicity_days";

    private const string MassReviewClosesField = "calendar.mass_review_closes";

    private const string DeterminationByField = "calendar.determination_by";

    private static void CheckOrder(YearCalendar calendar, Violations violations, IReadOnlySet<string> refused)
    {
        (string Field, DateOnly Date)[] deadlines =
        [
            ("calendar.commitment_due", calendar.CommitmentDue),
            ("calendar.first_half_report_due", calendar.FirstHalfReportDue),
            ("calendar.second_half_report_due", calendar.SecondHalfReportDue),
            (MassReviewClosesField, calendar.MassReviewCloses),
        ];
        for (var i = 1; i < deadlines.Length; i++)
        {
            if (!refused.Contains(deadlines[i].Field) && !refused.Contains(deadlines[i - 1].Field) && deadlines[i].Date <= deadlines[i - 1].Date)
            {
                violations.Add(deadlines[i].Field, $"must come after {deadlines[i - 1].Field.Replace("calendar.", "", StringComparison.Ordinal)} ({IsoDate.Format(deadlines[i - 1].Date)})");
            }
        }

        if (refused.Overlaps([PublicityDaysField, MassReviewClosesField, DeterminationByField]))
        {
            return;
        }

        if (calendar.DeterminationBy < calendar.MassReviewCloses.AddDays(calendar.PublicityDays))
        {
            violations.Add(DeterminationByField, $"must leave the {calendar.PublicityDays} days of publicity after mass_review_closes ({IsoDate.Format(calendar.MassReviewCloses)})");
        }
    }
}
