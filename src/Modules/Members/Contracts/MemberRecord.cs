namespace Chuangji.Workflow.Modules.Members.Contracts;

public sealed record MemberRecord(
    string StaffNumber,
    string Name,
    string BranchCode,
    MemberCategoryCode Category,
    DateOnly JoinedPartyOn,
    string Specialty);

public enum MemberCategoryCode
{
    InService = 1,
    Retired = 2,
}
