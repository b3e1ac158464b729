using System.Diagnostics;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Host.Database;

/// <summary>
/// Brings the embedded database up before the service serves: WAL journaling (readers never
/// block the writer), then every module's migrations, each with its own history table.
/// </summary>
internal sealed partial class DatabaseStartup(
    SqliteDatabase database,
    IEnumerable<IModuleDatabase> modules,
    DatabaseReadiness readiness,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await EnableWriteAheadLogAsync(cancellationToken);
        foreach (var module in modules)
        {
            await module.MigrateAsync(cancellationToken);
        }

        readiness.MarkReady();
        LogReady(logger, new SqliteConnectionStringBuilder(database.ConnectionString).DataSource, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {DataSource} ready in {ElapsedMs:F0} ms")]
    private static partial void LogReady(ILogger logger, string dataSource, double elapsedMs);
}
