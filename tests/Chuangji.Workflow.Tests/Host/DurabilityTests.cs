using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Host;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Restart_WhenDataWasAcknowledged_KeepsIt()
    {
        await using var service = await TestService.StartAsync(emptyDatabase: true);
        var client = await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01", "B02");
        await client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") });
        await client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02" });

        await service.RestartAsync();

        var member = (await new MembersService.MembersServiceClient(service.Channel).GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member;
        member.BranchCode.Should().Be("B02");
        member.BranchHistory.Should().HaveCount(2);
        member.Version.Should().Be(2);
    }

    [SqliteOnlyFact]
    public async Task EveryContextConnection_EvenReusedFromThePools_CommitsWithSynchronousFull()
    {
        await using var service = await TestService.StartAsync(emptyDatabase: true);

        for (var round = 0; round < 3; round++)
        {
            await using var scope = service.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MembersDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var level = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.CloseConnectionAsync();

            level.Should().Be(2, $"FULL is 2 (round {round}: the pooled context and the pooled SQLite handle must keep it)");
        }
    }
}
