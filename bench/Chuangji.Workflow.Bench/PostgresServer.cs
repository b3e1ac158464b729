using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Npgsql;

namespace Chuangji.Workflow.Bench;

/// <summary>
/// With <c>--postgres</c>: the server the run's databases live on. Each is made for the run (<c>CREATE DATABASE</c>,
/// empty or a copy of a seeded one by <c>TEMPLATE</c>) and every one is dropped when the run ends, also when it is
/// stopped with Ctrl+C or SIGTERM (after the scenario has stopped its hosts). Only a run killed outright leaves its
/// databases behind: they are named <c>chuangji_bench_&lt;pid&gt;_…</c>.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const int MaxIdentifier = 63;

    private readonly string _maintenance;
    private readonly string _prefix = $"chuangji_bench_{Environment.ProcessId}";
    private readonly List<string> _databases = [];
    private int _count;

    private PostgresServer(string maintenance, string description)
    {
        _maintenance = maintenance;
        Description = description;
    }

    /// <summary>Where and what the server is, and the settings that decide what a commit costs (no password).</summary>
    public string Description { get; }

    public static async Task<PostgresServer> ConnectAsync(string maintenance, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(maintenance);
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), " +
                              "current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('max_connections')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var description = $"PostgreSQL {reader.GetString(0)} at {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)} " +
                          $"(fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, full_page_writes={reader.GetString(3)}, " +
                          $"shared_buffers={reader.GetString(4)}, max_connections={reader.GetString(5)})";
        if (reader.GetString(1) == "off" || reader.GetString(2) == "off")
        {
            // .ci/postgres starts its throwaway server so: a commit then waits for no disk, which flatters the
            // one-transaction-per-row baseline of record-event most.
            description += "; NOTE: fsync or synchronous_commit is off: commits are not durable and cost no disk wait, " +
                           "figures for a production server need both on";
        }

        return new PostgresServer(maintenance, description);
    }

    /// <summary>A new database for this run, empty or a copy of <paramref name="template"/> (which must have no connections).</summary>
    public async Task<ServiceDatabase> CreateAsync(string label, ServiceDatabase? template, CancellationToken cancellationToken)
    {
        var name = $"{_prefix}_{Interlocked.Increment(ref _count):D2}_{new string(label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray())}";
        name = name[..Math.Min(name.Length, MaxIdentifier)];
        lock (_databases)
        {
            _databases.Add(name);
        }

        if (template is not null)
        {
            // The bench's own pooled connections to the template would make the copy fail.
            NpgsqlConnection.ClearAllPools();
        }

        await ExecuteAsync(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{NameOf(template)}\"", cancellationToken);
        return ServiceDatabase.PostgreSql(new NpgsqlConnectionStringBuilder(_maintenance) { Database = name }.ConnectionString);
    }

    public static string NameOf(ServiceDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

    /// <summary>Drops every database of the run (FORCE: a connection left open, the bench's or a host's, is ended).</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        string[] names;
        lock (_databases)
        {
            names = [.. _databases];
        }

        foreach (var name in names.Reverse())
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                Console.Error.WriteLine($"could not drop database {name}: {exception.Message}");
            }
        }

        if (names.Length > 0)
        {
            Console.WriteLine($"dropped {names.Length} database(s) {_prefix}_*");
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_maintenance) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
