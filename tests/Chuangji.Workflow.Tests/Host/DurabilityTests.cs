using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Host;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Restart_WhenDataWasAcknowledged_KeepsIt()
    {
        await using var service = await TestService.StartAsync();
        var client = await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01", "B02");
        await client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") });
        await client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02" });

        await service.RestartAsync();

        var member = (await new MembersService.MembersServiceClient(service.Channel).GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member;
        member.BranchCode.Should().Be("B02");
        member.BranchHistory.Should().HaveCount(2);
        member.Version.Should().Be(2);
    }
}
