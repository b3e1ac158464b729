using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;

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

    /// <summary>
    /// The four-member college most tests of the cycle and the scores use: B01 with T1002 刘洋, T1003 赵敏 and retired
    /// R2001 黄桂兰; B02 with T2001 李秀英; secretary T1001 for both.
    /// </summary>
    /// <summary>The college of <see cref="WithTestCollegeAsync"/>, seeded with the clock at <paramref name="start"/>.</summary>
    public static Seed TestCollege(DateTimeOffset start) =>
        new("test college", start, service => new MembersService.MembersServiceClient(service.Channel).WithTestCollegeAsync());

    public static async Task<MembersService.MembersServiceClient> WithTestCollegeAsync(this MembersService.MembersServiceClient client)
    {
        await client.WithBranchesAsync("B01", "B02");
        await client.ImportMembersAsync(new ImportMembersRequest
        {
            Members =
            {
                Registration("T1002", "B01", name: "刘洋"),
                Registration("T1003", "B01", name: "赵敏"),
                Registration("R2001", "B01", name: "黄桂兰", category: MemberCategory.Retired, joinedPartyOn: "1965-03-01"),
                Registration("T2001", "B02", name: "李秀英"),
            },
        });
        return client;
    }

    public static async Task<MembersService.MembersServiceClient> WithBranchesAsync(this MembersService.MembersServiceClient client, params string[] codes)
    {
        foreach (var code in codes)
        {
            await client.CreateBranchAsync(Branch(code, name: $"支部 {code}"));
        }

        return client;
    }
}
