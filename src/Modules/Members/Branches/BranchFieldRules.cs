using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Modules.Members.Branches;

internal static class BranchFieldRules
{
    public const int MaxNameLength = 64;

    public static string? Name(Violations violations, string field, string? value) =>
        TextField.Required(violations, field, value, MaxNameLength);

    public static string? SecretaryName(Violations violations, string field, string? value) =>
        TextField.Optional(violations, field, value, MaxNameLength);

    /// <summary>Optional: empty while the secretary is unknown or has no staff number.</summary>
    public static string? SecretaryStaffNumber(Violations violations, string field, string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : Identifier.Required(violations, field, value);
}
