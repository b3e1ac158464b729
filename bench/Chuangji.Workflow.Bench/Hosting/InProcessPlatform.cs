using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chuangji.Workflow.Bench.Hosting;

/// <summary>
/// The Members and Assessment modules composed as the Host composes them (PlatformRegistration), on a
/// database of our own: a SQLite file (WAL journaling) or a PostgreSQL database, then every module's migrations.
/// </summary>
internal sealed class InProcessPlatform : IAsyncDisposable
{
    private InProcessPlatform(ServiceProvider services, ServiceDatabase database)
    {
        Services = services;
        Database = database;
    }

    public ServiceProvider Services { get; }

    public ServiceDatabase Database { get; }

    public static Task<InProcessPlatform> StartAsync(string databaseFile, RepoPaths repo, CancellationToken cancellationToken) =>
        StartAsync(ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = databaseFile }.ToString()), repo, cancellationToken);

    public static async Task<InProcessPlatform> StartAsync(ServiceDatabase database, RepoPaths repo, CancellationToken cancellationToken)
    {
        var platform = Attach(database, repo);
        if (!database.IsPostgreSql)
        {
            await platform.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        foreach (var module in platform.Services.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(cancellationToken);
        }

        return platform;
    }

    /// <summary>The modules on a database someone else (the running host) has already set up: nothing is migrated.</summary>
    public static InProcessPlatform Attach(string databaseFile, RepoPaths repo) =>
        Attach(ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = databaseFile }.ToString()), repo);

    public static InProcessPlatform Attach(ServiceDatabase database, RepoPaths repo)
    {
        var services = new ServiceCollection();
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        // The modules count what they do (the fact writer's commits); nothing listens in the bench.
        services.AddMetrics();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton(new CollegeClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        services.AddSingleton(new SeedDirectory(repo.Seeds));
        // EF logs as an error the query of a migrations history that PostgreSQL's first migration has yet to make; a real
        // failure still ends the run with its exception.
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddMembersModule();
        services.AddAssessmentModule();
        services.AddSingleton<IAssessmentPeriods, NoCalendars>();
        return new InProcessPlatform(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), database);
    }

    /// <summary>A plain connection of the harness's own (no pragma on SQLite: the baselines read as any client would).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Database.IsPostgreSql ? new NpgsqlConnection(Database.ConnectionString) : new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A table as the provider names it (schema-qualified on PostgreSQL).</summary>
    public string Table(string schema, string table) => Database.Table(schema, table);

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (Database.IsPostgreSql)
        {
            // The harness's own statements (VACUUM ANALYZE of millions of rows) may take longer than Npgsql's default 30 s.
            command.CommandTimeout = 0;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
