using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>Lets `dotnet ef migrations add` build a module's SQLite context without starting the Host.</summary>
public abstract class ModuleDesignTimeDbContextFactory<TContext>(string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseModuleSqlite(ServiceDatabase.Sqlite("Data Source=design-time.db"), module);
        return create(options.Options);
    }
}

/// <summary>
/// Lets `dotnet ef migrations add --context PostgreSql…DbContext` build a module's PostgreSQL context without a server:
/// adding a migration compares models and never connects.
/// </summary>
public abstract class ModulePostgreSqlDesignTimeDbContextFactory<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseModulePostgreSql(ServiceDatabase.PostgreSql("Host=localhost;Database=design_time"), schema);
        return create(options.Options);
    }
}
