namespace Chuangji.Workflow.Host.Seeding;

/// <summary>The shape of seeds/demo-college.json.</summary>
internal sealed record DemoCollege(IReadOnlyList<DemoBranch> Branches, IReadOnlyList<DemoMember> Members);

internal sealed record DemoBranch(string Code, string Name, string SecretaryName, string SecretaryStaffNumber);

internal sealed record DemoMember(string StaffNumber, string Name, string BranchCode, string Category, DateOnly JoinedPartyOn, string Specialty);
