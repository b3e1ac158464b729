using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Host;

public sealed class DemoCollegeTests
{
    private static readonly Dictionary<string, string?> SeedDemo = new() { ["Chuangji:SeedDemo"] = "true" };

    [Fact]
    public async Task SeedDemo_WhenStarted_LoadsFourBranchesAndThirtyMembersOfBothCategories()
    {
        await using var service = await TestService.StartAsync(SeedDemo);
        var client = new MembersService.MembersServiceClient(service.Channel);

        var branches = await client.ListBranchesAsync(new ListBranchesRequest());
        var members = await client.ListMembersAsync(new ListMembersRequest());

        branches.Branches.Select(b => b.Code).Should().Equal("B01", "B02", "B03", "B04");
        members.Members.Should().HaveCount(30);
        members.Members.Count(m => m.Category == MemberCategory.Retired).Should().Be(9);
        members.Members.Should().OnlyContain(m => m.Status == MemberStatus.Active);
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
