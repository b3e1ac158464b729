using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>Lets `dotnet ef migrations add` build a module's context without starting the Host.</summary>
public abstract class ModuleDesignTimeDbContextFactory<TContext>(string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseModuleSqlite(new SqliteDatabase("Data Source=design-time.db"), module);
        return create(options.Options);
    }
}
