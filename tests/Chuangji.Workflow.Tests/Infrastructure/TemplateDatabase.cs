using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// A database file migrated once per test run (one with Quartz's tables, one without), copied for each
/// <see cref="TestService"/> that does not ask for an empty file: the host finds no pending migration at start,
/// so a fresh service costs a file copy instead of every module's migrations.
/// </summary>
internal static class TemplateDatabase
{
    private static readonly Lazy<Task<string>> Plain = new(() => CreateAsync(scheduler: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task<string>> WithSchedulerTables = new(() => CreateAsync(scheduler: true), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the migrated template (with Quartz's tables when the scheduler is on) to <paramref name="path"/>.</summary>
    public static async Task CopyToAsync(string path, bool scheduler)
    {
        var template = await (scheduler ? WithSchedulerTables : Plain).Value;
        File.Copy(template, path);
    }

    private static async Task<string> CreateAsync(bool scheduler)
    {
        var service = await TestService.StartAsync(scheduler ? TestService.WithScheduler : null, emptyDatabase: true);
        var path = Path.Combine(Path.GetTempPath(), "chuangji-tests", $"template-{(scheduler ? "scheduler" : "plain")}-{Guid.NewGuid():N}.db");
        await service.StopAsync();
        await using (var connection = new SqliteConnection($"Data Source={service.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        File.Copy(service.DatabasePath, path);
        await service.DisposeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
