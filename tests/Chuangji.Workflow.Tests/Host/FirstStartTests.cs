using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>The first start on an empty database, on whichever provider the suite runs: migrated, serving, and quiet.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task OnAnEmptyDatabase_TheFirstStartMigratesEveryModule_AndLogsNoError()
    {
        await using var service = await TestService.StartAsync(emptyDatabase: true);

        var branches = await new MembersService.MembersServiceClient(service.Channel).ListBranchesAsync(new ListBranchesRequest());

        branches.Branches.Should().BeEmpty();
        service.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).Should()
            .BeEmpty("a new database is the expected state of a first start, not an error (looking for a history table that is not there yet was one on PostgreSQL)");
    }
}
