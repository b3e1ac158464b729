using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chuangji.Workflow.Members.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the Host.</summary>
internal sealed class DesignTimeMembersDbContextFactory : IDesignTimeDbContextFactory<MembersDbContext>
{
    public MembersDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MembersDbContext>();
        options.UseModuleSqlite(new SqliteDatabase("Data Source=design-time.db"), MembersDbContext.Module);
        return new MembersDbContext(options.Options);
    }
}
