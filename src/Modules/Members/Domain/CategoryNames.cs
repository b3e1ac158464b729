namespace Chuangji.Workflow.Modules.Members.Domain;

/// <summary>The contract's names, used wherever a message tells a caller a value.</summary>
internal static class CategoryNames
{
    public static string Of(MemberCategory category) => category switch
    {
        MemberCategory.InService => "MEMBER_CATEGORY_IN_SERVICE",
        MemberCategory.Retired => "MEMBER_CATEGORY_RETIRED",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
