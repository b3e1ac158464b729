using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Rubrics;

namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>The rules each field of a fact must meet on its own (docs/domain.md §5, "Facts").</summary>
internal static class FactFieldRules
{
    public const int MaxNoteLength = 500;

    public const int MaxRecordedByLength = 64;

    public const int MaxRequestIdLength = 64;

    public const int MaxKindLength = 64;

    /// <summary>A fact counts occurrences within one year: at most one a day.</summary>
    public const int MaxCount = 366;

    /// <summary>No item is worth more than 100; the bound keeps arithmetic far from overflow.</summary>
    public const decimal MaxPoints = 100m;

    public static ShapedFact Shape(FactInputRow row, string prefix, DateOnly today)
    {
        var violations = new Violations();
        var staffNumber = Identifier.Required(violations, prefix + "staff_number", row.StaffNumber);
        var kind = TextField.Required(violations, prefix + "kind", row.Kind, MaxKindLength);
        var occurredOn = OccurredOn(violations, prefix + "occurred_on", row.OccurredOn, today, row.BySystem);
        var count = row.Count ?? 1;
        if (count is < 1 or > MaxCount)
        {
            violations.Add(prefix + "count", $"must be from 1 to {MaxCount}, not {count}");
        }

        var points = Points(violations, prefix + "points", row.Points);
        var note = TextField.Optional(violations, prefix + "note", row.Note, MaxNoteLength);
        var recordedBy = TextField.Optional(violations, prefix + "recorded_by", row.RecordedBy, MaxRecordedByLength);
        var requestId = RequestId(violations, prefix + "request_id", row.RequestId, row.BySystem);
        violations.ThrowIfAny();
        return new ShapedFact(staffNumber!, kind!, occurredOn!.Value, count, points, note!, recordedBy!, requestId!, row.BySystem);
    }

    private static DateOnly? OccurredOn(Violations violations, string field, string value, DateOnly today, bool bySystem)
    {
        if (!IsoDate.TryParse(value, out var date))
        {
            violations.Add(field, string.IsNullOrEmpty(value) ? "is required, as YYYY-MM-DD" : $"'{Echo.Of(value)}' is not a date of the form YYYY-MM-DD");
            return null;
        }

        // The scheme dates a missed step of a year closed before the year began on its first day (docs/domain.md §9).
        if (date > today && !bySystem)
        {
            violations.Add(field, $"must not be in the future (today is {IsoDate.Format(today)})");
            return null;
        }

        if (date.Year is < AssessmentYear.Min or > AssessmentYear.Max)
        {
            violations.Add(field, $"must fall in an assessment year from {AssessmentYear.Min} to {AssessmentYear.Max}");
            return null;
        }

        return date;
    }

    /// <summary>Empty means no points; otherwise a positive decimal with at most one decimal place.</summary>
    private static decimal? Points(Violations violations, string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
        {
            violations.Add(field, $"'{Echo.Of(value)}' is not a decimal number such as 2 or 1.5");
            return null;
        }

        if (points is <= 0m or > MaxPoints)
        {
            violations.Add(field, $"must be greater than 0 and at most {MaxPoints}");
            return null;
        }

        if (!PointsTenths.HasAtMostOneDecimal(points))
        {
            violations.Add(field, $"must have at most one decimal place, not {Echo.Of(value)}");
            return null;
        }

        return points;
    }

    /// <summary>The ids the scheme records its own facts under; no caller may take one first.</summary>
    public const string SchemePrefix = "workflow/";

    private static string? RequestId(Violations violations, string field, string value, bool bySystem)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(field, "is required: a unique id per fact, so that a retry counts once");
            return null;
        }

        if (value.Length > MaxRequestIdLength || value.Any(c => c is < '!' or > '~'))
        {
            violations.Add(field, $"must be 1 to {MaxRequestIdLength} printable ASCII characters without spaces");
            return null;
        }

        if (!bySystem && value.StartsWith(SchemePrefix, StringComparison.Ordinal))
        {
            violations.Add(field, $"must not start with '{SchemePrefix}': those ids are the scheme's own (e.g. a missed commitment)");
            return null;
        }

        return value;
    }
}
