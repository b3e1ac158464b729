using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// A test host's own database: a SQLite file in the test's directory, or, when <see cref="ServerVariable"/> names a
/// PostgreSQL server, a database of its own on that server (made from a template database in one statement, dropped
/// at the end). The whole suite runs on either: `.ci/run` runs it on both.
/// </summary>
public sealed class TestDatabase
{
    /// <summary>The PostgreSQL server the suite runs against, as an Npgsql connection string to its maintenance database.</summary>
    public const string ServerVariable = "CHUANGJI_TEST_POSTGRES";

    private const string FileName = "chuangji.db";

    /// <summary>Every test database's name starts so, then names the test run's process: chuangji_t_&lt;pid&gt;_&lt;guid&gt;.</summary>
    private const string Prefix = "chuangji_t_";

    /// <summary>
    /// A run stopped before its end (a cancelled `dotnet test`, a killed test host) leaves its databases behind on a
    /// server of one's own: the first database of the next run drops those of runs whose process is gone from this machine.
    /// </summary>
    private static readonly Lazy<Task> LeftoversDropped = new(DropLeftoversAsync);

    private TestDatabase(string connectionString, string? postgreSqlName)
    {
        ConnectionString = connectionString;
        PostgreSqlName = postgreSqlName;
    }

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public static bool OnPostgreSql => Server is not null;

    public string ConnectionString { get; }

    /// <summary>The database's name on the server, or null on SQLite.</summary>
    public string? PostgreSqlName { get; }

    public bool IsPostgreSql => PostgreSqlName is not null;

    /// <summary>The settings that put a host on this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:Chuangji", ConnectionString),
        new("Chuangji:Database:Provider", IsPostgreSql ? "PostgreSql" : "Sqlite"),
    ];

    /// <summary>The SQLite file, for tests of what happens to the file itself.</summary>
    public string FilePath => IsPostgreSql ? throw new InvalidOperationException("a PostgreSQL database has no file") : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>An empty database, or a copy of <paramref name="template"/> (a file path on SQLite, a database name on PostgreSQL).</summary>
    public static async Task<TestDatabase> CreateAsync(string directory, string? template)
    {
        if (Server is not { } server)
        {
            var path = Path.Combine(directory, FileName);
            if (template is not null)
            {
                File.Copy(template, path);
            }

            return new TestDatabase($"Data Source={path}", null);
        }

        await LeftoversDropped.Value;
        var name = $"{Prefix}{Environment.ProcessId}_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(server, template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, name);
    }

    /// <summary>A connection of the test's own, to look at what the service stored.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString + ";Mode=ReadOnly");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A table the service made with unquoted names (the audit trail, Quartz's), as this provider finds it.</summary>
    public string Table(string postgreSqlSchema, string table) => IsPostgreSql ? $"{postgreSqlSchema}.{table}" : table;

    /// <summary>Lets go of every pooled connection to it (a template or a dropped database must have none).</summary>
    public void ClearPools()
    {
        if (IsPostgreSql)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public async Task DropAsync()
    {
        ClearPools();
        if (PostgreSqlName is { } name && Server is { } server)
        {
            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task DropLeftoversAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var list = connection.CreateCommand();
            list.CommandText = $"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names.Where(n => !RunStillGoing(n)))
        {
            await ExecuteOnServerAsync(Server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    /// <summary>Whether the run that made the database is a process still running here (unknown names are left alone).</summary>
    private static bool RunStillGoing(string name)
    {
        var parts = name[Prefix.Length..].Split('_');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
