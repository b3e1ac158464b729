using System.Diagnostics;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chuangji.Workflow.Host.Database;

/// <summary>
/// Brings the database up before the service serves, then every module's migrations, each with its own history.
/// SQLite: WAL journaling first (readers never block the writer). PostgreSQL: one instance at a time migrates (a
/// session advisory lock), so instances started together do not both create a table; the others wait and find
/// nothing left to do.
/// The work begins as soon as the application is built (<see cref="Begin"/>), so it runs on one core while the
/// endpoints are mapped on the other; the hosted service's start only waits for it, and it is still the first
/// service to start, so nothing else touches the database before the schema is there.
/// </summary>
internal sealed partial class DatabaseStartup(
    ServiceDatabase database,
    IEnumerable<IModuleDatabase> modules,
    DatabaseReadiness readiness,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    /// <summary>The advisory lock's key: any number the service uses for nothing else ("chuangji" in ASCII, cut to 63 bits).</summary>
    private const long MigrationLock = 0x6368_7561_6E67_6A69 & long.MaxValue;

    private readonly Lock _beginning = new();
    private Task? _migration;

    /// <summary>Starts bringing the database up, once; the host's stop cancels it through <paramref name="stopping"/>.</summary>
    public Task Begin(CancellationToken stopping)
    {
        lock (_beginning)
        {
            return _migration ??= Task.Run(() => BringUpAsync(stopping), stopping);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Begin(cancellationToken).WaitAsync(cancellationToken);

    private async Task BringUpAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (database.IsPostgreSql)
        {
            await MigrateOneInstanceAtATimeAsync(cancellationToken);
        }
        else
        {
            await EnableWriteAheadLogAsync(cancellationToken);
            await MigrateAsync(cancellationToken);
        }

        readiness.MarkReady();
        LogReady(logger, Describe(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var module in modules)
        {
            await module.MigrateAsync(cancellationToken);
        }
    }

    private async Task MigrateOneInstanceAtATimeAsync(CancellationToken cancellationToken)
    {
        await using var turn = await AdvisoryLock.TakeAsync(database, MigrationLock, cancellationToken);
        await using (var schema = turn.Session.CreateCommand())
        {
            // Quartz creates its own tables when its scheduler starts, in a schema that must exist by then.
            schema.CommandText = $"CREATE SCHEMA IF NOT EXISTS {Hosting.SchedulerRegistration.PostgreSqlSchema}";
            await schema.ExecuteNonQueryAsync(cancellationToken);
        }

        await MigrateAsync(cancellationToken);
    }

    private async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Where the data is, without a password.</summary>
    private string Describe()
    {
        if (!database.IsPostgreSql)
        {
            return new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        }

        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"PostgreSQL {server.Host}:{server.Port}/{server.Database}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DataSource} ready in {ElapsedMs:F0} ms")]
    private static partial void LogReady(ILogger logger, string dataSource, double elapsedMs);
}
