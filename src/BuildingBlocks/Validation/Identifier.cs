namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>Caller-chosen keys (staff numbers, branch codes): short, ASCII, safe in URLs and logs.</summary>
public static class Identifier
{
    public const int MaxLength = 32;

    public const string Rule = "must be 1 to 32 characters of letters, digits, '-' or '_'";

    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
