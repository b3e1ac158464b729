namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>Caller-chosen keys (staff numbers, branch codes): short, ASCII, safe in URLs and logs.</summary>
public static class Identifier
{
    public const int MaxLength = 32;

    public const string Rule = "must be 1 to 32 characters of letters, digits, '-' or '_'";

    /// <summary>The identifier, or null with a violation naming <paramref name="field"/>.</summary>
    public static string? Required(Violations violations, string field, string? value)
    {
        if (IsWellFormed(value))
        {
            return value;
        }

        violations.Add(field, string.IsNullOrEmpty(value) ? "is required" : Rule);
        return null;
    }

    /// <summary>A key that may be left out, such as a filter: empty, or well-formed; else a violation naming <paramref name="field"/>.</summary>
    public static string Optional(Violations violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (IsWellFormed(value))
        {
            return value;
        }

        violations.Add(field, Rule);
        return string.Empty;
    }

    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
