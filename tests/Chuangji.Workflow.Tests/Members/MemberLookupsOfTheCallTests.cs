using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>Within one scope (a call) a member is looked up once: the audit record, the policy and the handler share it.</summary>
public sealed class MemberLookupsOfTheCallTests
{
    [Fact]
    public async Task WithinAScope_AMemberFoundIsLookedUpOnce_AndANewScopeLooksAgain()
    {
        await using var service = await TestService.StartAsync();
        await (await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01"))
            .ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1002", "B01", name: "刘洋") } });

        await using var call = service.Services.CreateAsyncScope();
        var members = call.ServiceProvider.GetRequiredService<IMembersModule>();
        var first = await members.FindMemberAsync("T1002", CancellationToken.None);
        var unknown = await members.FindMemberAsync("T9999", CancellationToken.None);
        await RenameBehindTheCallsBackAsync(service);

        (await members.FindMemberAsync("T1002", CancellationToken.None)).Should().BeSameAs(first, "the call already looked T1002 up");
        (await members.FindMembersAsync(["T1002"], CancellationToken.None))["T1002"].Should().BeSameAs(first);
        unknown.Should().BeNull();
        await using var next = service.Services.CreateAsyncScope();
        (await next.ServiceProvider.GetRequiredService<IMembersModule>().FindMemberAsync("T1002", CancellationToken.None))!.Name.Should().Be("刘阳");
    }

    [Fact]
    public async Task AMemberNotFound_IsNotRemembered_SoOneRegisteredDuringTheCallIsFound()
    {
        await using var service = await TestService.StartAsync();
        await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01");
        await using var call = service.Services.CreateAsyncScope();
        var members = call.ServiceProvider.GetRequiredService<IMembersModule>();

        (await members.FindMemberAsync("T1003", CancellationToken.None)).Should().BeNull();
        await new MembersService.MembersServiceClient(service.Channel).RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1003", "B01") });

        (await members.FindMemberAsync("T1003", CancellationToken.None)).Should().NotBeNull();
    }

    private static async Task RenameBehindTheCallsBackAsync(TestService service)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembersDbContext>();
        await db.Members.Where(m => m.StaffNumber == "T1002").ExecuteUpdateAsync(m => m.SetProperty(x => x.Name, "刘阳"));
    }
}
