using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;

namespace Chuangji.Workflow.Tests.Host;

public sealed class DemoCollegeTests
{
    private static readonly Dictionary<string, string?> SeedDemo = new() { ["Chuangji:SeedDemo"] = "true" };

    [Fact]
    public async Task SeedDemo_WhenStarted_LoadsFourBranchesAndThirtyMembersOfBothCategories()
    {
        await using var service = await TestService.StartAsync(SeedDemo, emptyDatabase: true);
        var client = new MembersService.MembersServiceClient(service.Channel);

        var branches = await client.ListBranchesAsync(new ListBranchesRequest());
        var members = await client.ListMembersAsync(new ListMembersRequest());

        branches.Branches.Select(b => b.Code).Should().Equal("B01", "B02", "B03", "B04");
        members.Members.Should().HaveCount(30);
        members.Members.Count(m => m.Category == MemberCategory.Retired).Should().Be(9);
        members.Members.Should().OnlyContain(m => m.Status == MemberStatus.Active);
    }

    [Fact]
    public async Task SeedDemo_WhenStoredDataConflicts_KeepsTheStoredDataAndLoadsTheRest()
    {
        await using var service = await TestService.StartAsync();
        var client = new MembersService.MembersServiceClient(service.Channel);
        await client.CreateBranchAsync(new CreateBranchRequest { Code = "B01", Name = "我们自己的支部" });
        await client.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1002", name: "另一个人") });

        await service.RestartAsync(SeedDemo);

        client = new MembersService.MembersServiceClient(service.Channel);
        (await client.GetBranchAsync(new GetBranchRequest { Code = "B01" })).Branch.Name.Should().Be("我们自己的支部");
        (await client.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member.Name.Should().Be("另一个人");
        (await client.ListMembersAsync(new ListMembersRequest())).Members.Should().HaveCount(30);
    }

    [Fact]
    public async Task SeedDemo_WhenStartedTwice_AddsNothingTheSecondTime()
    {
        await using var service = await TestService.StartAsync(SeedDemo);
        var before = await new MembersService.MembersServiceClient(service.Channel).ListMembersAsync(new ListMembersRequest());

        await service.RestartAsync();

        var after = await new MembersService.MembersServiceClient(service.Channel).ListMembersAsync(new ListMembersRequest());
        after.Members.Should().BeEquivalentTo(before.Members);
    }
}
