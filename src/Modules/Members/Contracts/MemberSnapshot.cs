namespace Chuangji.Workflow.Modules.Members.Contracts;

/// <summary>A member as other modules may know it. <see cref="MemberId"/> is stable and never shown to callers.</summary>
public sealed record MemberSnapshot(
    long MemberId,
    string StaffNumber,
    string Name,
    string BranchCode,
    MemberCategoryCode Category,
    MemberStatusCode Status);

public enum MemberStatusCode
{
    Active = 1,
    TransferredOut = 2,
    Deceased = 3,
}
