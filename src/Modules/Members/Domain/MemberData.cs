namespace Chuangji.Workflow.Modules.Members.Domain;

/// <summary>A member's registration data once validated.</summary>
internal sealed record MemberData(
    string StaffNumber,
    string Name,
    string BranchCode,
    MemberCategory Category,
    DateOnly JoinedPartyOn,
    string Specialty);
