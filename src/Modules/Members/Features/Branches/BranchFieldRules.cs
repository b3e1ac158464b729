using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Members.Features.Branches;

internal static class BranchFieldRules
{
    public const int MaxNameLength = 64;

    public static string? Code(Violations violations, string field, string? value)
    {
        if (!Identifier.IsWellFormed(value))
        {
            violations.Add(field, string.IsNullOrEmpty(value) ? "is required" : Identifier.Rule);
            return null;
        }

        return value;
    }

    public static string? Name(Violations violations, string field, string? value)
    {
        var name = value?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            violations.Add(field, "is required");
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            violations.Add(field, $"must be at most {MaxNameLength} characters");
            return null;
        }

        return name;
    }

    public static string? SecretaryName(Violations violations, string field, string? value)
    {
        var name = value?.Trim() ?? string.Empty;
        if (name.Length > MaxNameLength)
        {
            violations.Add(field, $"must be at most {MaxNameLength} characters");
            return null;
        }

        return name;
    }

    /// <summary>Optional: empty while the secretary is unknown or has no staff number.</summary>
    public static string? SecretaryStaffNumber(Violations violations, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!Identifier.IsWellFormed(value))
        {
            violations.Add(field, Identifier.Rule);
            return null;
        }

        return value;
    }
}
