using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// Database files made once per test run and copied for each <see cref="TestService"/> that does not ask for an
/// empty file: migrated (one with Quartz's tables, one without), and, for <see cref="Seed"/>s, seeded through the
/// real host on a copy of the migrated one. The host finds no pending migration at start, so a fresh service costs
/// a file copy instead of every module's migrations and the seed's calls.
/// </summary>
internal static class TemplateDatabase
{
    private static readonly ConcurrentDictionary<(bool Scheduler, string? Seed, DateTimeOffset? Start), Lazy<Task<string>>> Templates = new();

    /// <summary>
    /// The template (with Quartz's tables when the scheduler is on, seeded when a seed is given): a file path on SQLite,
    /// a database name on PostgreSQL, for <see cref="TestDatabase.CreateAsync"/> to copy.
    /// </summary>
    public static Task<string> GetAsync(bool scheduler, Seed? seed = null) =>
        Templates.GetOrAdd(
            (scheduler, seed?.Name, seed?.Start),
            _ => new Lazy<Task<string>>(() => CreateAsync(scheduler, seed), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<string> CreateAsync(bool scheduler, Seed? seed)
    {
        var settings = scheduler ? TestService.WithScheduler : null;
        var service = seed is null
            ? await TestService.StartAsync(settings, emptyDatabase: true)
            : await TestService.StartAsync(settings, seed.Start);
        if (seed is not null)
        {
            await seed.ApplyAsync(service);
            if (service.Time.GetUtcNow() != seed.Start)
            {
                throw new InvalidOperationException($"the seed '{seed.Name}' moved the clock; its copies would start at the wrong time");
            }
        }

        if (service.Database.PostgreSqlName is { } database)
        {
            // The service's own database is the template: CREATE DATABASE … TEMPLATE copies it while no one is connected.
            await service.StopKeepingDatabaseAsync();
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => service.Database.DropAsync().GetAwaiter().GetResult();
            return database;
        }

        var name = seed is null ? "migrated" : $"{seed.Name.Replace(' ', '-')}-{seed.Start.UtcTicks}";
        var path = Path.Combine(Path.GetTempPath(), "chuangji-tests", $"template-{(scheduler ? "scheduler" : "plain")}-{name}-{Guid.NewGuid():N}.db");
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
