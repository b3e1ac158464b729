namespace Chuangji.Workflow.Modules.Members.Domain;

internal static class StatusNames
{
    public static string Of(MemberStatus status) => status switch
    {
        MemberStatus.Active => "MEMBER_STATUS_ACTIVE",
        MemberStatus.TransferredOut => "MEMBER_STATUS_TRANSFERRED_OUT",
        MemberStatus.Deceased => "MEMBER_STATUS_DECEASED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
