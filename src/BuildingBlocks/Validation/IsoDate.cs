using System.Globalization;

namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>Calendar dates travel as YYYY-MM-DD strings: readable in buf curl and free of time zones.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } value ? Format(value) : string.Empty;

    /// <summary>A date this service wrote itself (stored, or in its own seeds); a caller's text goes through <see cref="TryParse"/>.</summary>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Pattern, CultureInfo.InvariantCulture);
}
