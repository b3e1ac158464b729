using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Bench.Hosting;

/// <summary>
/// The Members and Assessment modules composed as the Host composes them (PlatformRegistration), on a
/// SQLite file of our own: WAL journaling, then every module's migrations.
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

    public static async Task<InProcessPlatform> StartAsync(string databaseFile, RepoPaths repo, CancellationToken cancellationToken)
    {
        var platform = Attach(databaseFile, repo);
        await platform.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        foreach (var module in platform.Services.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(cancellationToken);
        }

        return platform;
    }

    /// <summary>The modules on a database someone else (the running host) has already set up: nothing is migrated.</summary>
    public static InProcessPlatform Attach(string databaseFile, RepoPaths repo)
    {
        var database = ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = databaseFile }.ToString());
        var services = new ServiceCollection();
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new CollegeClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        services.AddSingleton(new SeedDirectory(repo.Seeds));
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddMembersModule();
        services.AddAssessmentModule();
        services.AddSingleton<IAssessmentPeriods, NoCalendars>();
        return new InProcessPlatform(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), database);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
