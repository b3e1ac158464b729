using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's context on the shared SQLite file with the module's own migrations
    /// history table, so modules migrate independently (SQLite has no schemas). Contexts are pooled:
    /// setting one up costs more than the single-row queries most requests make with it.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.AddDbContextPool<TContext>((provider, options) => options.UseModuleSqlite(provider.GetRequiredService<SqliteDatabase>(), module));
        services.AddSingleton<IModuleDatabase>(provider =>
            new ModuleDatabase<TContext>(provider.GetRequiredService<IServiceScopeFactory>(), module));
        return services;
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x)</c>) goes to SQLite as one JSON parameter read with <c>json_each</c>, not
    /// as a parameter per element: SQLite looks each named parameter up by comparing names one after another, and a
    /// 500-member chunk spent more time there than in the query itself.
    /// </remarks>
    public static DbContextOptionsBuilder UseModuleSqlite(this DbContextOptionsBuilder options, SqliteDatabase database, string module) =>
        options
            .UseSqlite(
                database.ConnectionString,
                sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable(module)).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(database.Pragmas, database.Audit, database.AuditSaves);

    public static string MigrationsHistoryTable(string module) => $"__EFMigrationsHistory_{module}";
}
