namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>Free-text fields: trimmed, bounded, required or not.</summary>
public static class TextField
{
    public static string? Required(Violations violations, string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            violations.Add(field, "is required");
            return null;
        }

        return Bounded(violations, field, text, maxLength);
    }

    public static string? Optional(Violations violations, string field, string? value, int maxLength) =>
        Bounded(violations, field, value?.Trim() ?? string.Empty, maxLength);

    private static string? Bounded(Violations violations, string field, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters");
            return null;
        }

        return text;
    }
}
