using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's context on the service's database with the module's own migrations history, so modules
    /// migrate independently: on SQLite a history table of the module's name (SQLite has no schemas), on PostgreSQL the
    /// module's schema. Each provider has its own migrations, found by the context type they are made for: the module's
    /// model <typeparamref name="TContext"/> (what its handlers use) is abstract, and a context of each provider derives
    /// from it: <typeparamref name="TSqliteContext"/> and <typeparamref name="TPostgreSqlContext"/> (the model in the module's schema).
    /// Contexts are pooled: setting one up costs more than the single-row queries most requests make with it.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqliteContext, TPostgreSqlContext>(this IServiceCollection services, string module, string schema)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgreSqlContext : TContext
    {
        var database = RegisteredDatabase(services);
        if (database.IsPostgreSql)
        {
            services.AddDbContextPool<TContext, TPostgreSqlContext>(options => options.UseModulePostgreSql(database, schema));
        }
        else
        {
            services.AddDbContextPool<TContext, TSqliteContext>(options => options.UseModuleSqlite(database, module));
        }

        services.AddSingleton<IModuleDatabase>(provider =>
            new ModuleDatabase<TContext>(provider.GetRequiredService<IServiceScopeFactory>(), module));
        return services;
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x)</c>) goes to SQLite as one JSON parameter read with <c>json_each</c>, not
    /// as a parameter per element: SQLite looks each named parameter up by comparing names one after another, and a
    /// 500-member chunk spent more time there than in the query itself.
    /// </remarks>
    public static DbContextOptionsBuilder UseModuleSqlite(this DbContextOptionsBuilder options, ServiceDatabase database, string module) =>
        options
            .UseSqlite(
                database.ConnectionString,
                sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable(module)).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(database.Pragmas, database.Audit, database.AuditSaves);

    /// <remarks>A list in a query goes to PostgreSQL as one array parameter (<c>= ANY (@ids)</c>), the provider's default.</remarks>
    public static DbContextOptionsBuilder UseModulePostgreSql(this DbContextOptionsBuilder options, ServiceDatabase database, string schema) =>
        options
            .UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(PostgreSqlHistoryTable, schema))
            .AddInterceptors(database.Audit, database.AuditSaves);

    public static string MigrationsHistoryTable(string module) => $"__EFMigrationsHistory_{module}";

    public const string PostgreSqlHistoryTable = "__EFMigrationsHistory";

    /// <summary>The database the Host registered before the modules (AddPlatform); a module's tables live in it.</summary>
    public static ServiceDatabase RegisteredDatabase(this IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(ServiceDatabase))?.ImplementationInstance as ServiceDatabase
        ?? throw new InvalidOperationException("register the service's database (AddPlatform) before the modules");
}
