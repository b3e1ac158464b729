using Chuangji.Members.V1;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>Request builders with valid defaults, so each test states only what it is about.</summary>
internal static class MembersFixtures
{
    public static CreateBranchRequest Branch(string code, string name = "第一党支部", string secretary = "王建国") =>
        new() { Code = code, Name = name, SecretaryName = secretary, SecretaryStaffNumber = "T1001" };

    public static MemberRegistration Registration(
        string staffNumber,
        string branchCode = "B01",
        string name = "刘洋",
        MemberCategory category = MemberCategory.InService,
        string joinedPartyOn = "2005-07-01",
        string specialty = "高等数学") =>
        new()
        {
            StaffNumber = staffNumber,
            Name = name,
            BranchCode = branchCode,
            Category = category,
            JoinedPartyOn = joinedPartyOn,
            Specialty = specialty,
        };

    public static async Task<MembersService.MembersServiceClient> WithBranchesAsync(this MembersService.MembersServiceClient client, params string[] codes)
    {
        foreach (var code in codes)
        {
            await client.CreateBranchAsync(Branch(code, name: $"支部 {code}"));
        }

        return client;
    }
}
