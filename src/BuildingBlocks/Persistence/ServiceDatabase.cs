using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>
/// The one database every module shares, each with its own tables (on PostgreSQL, its own schema): the embedded
/// SQLite file by default, or PostgreSQL when the service runs beyond one machine. The raw-SQL paths ask it for a
/// connection and for the names of tables as this provider spells them.
/// </summary>
public sealed class ServiceDatabase
{
    /// <summary>synchronous is per connection; FULL makes an acknowledged commit survive power loss.</summary>
    internal const string DurablePragma = "PRAGMA synchronous = FULL;";

    private ServiceDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public static ServiceDatabase Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    public static ServiceDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    public DatabaseProvider Provider { get; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public string ConnectionString { get; }

    internal SqlitePragmaInterceptor Pragmas { get; } = new();

    internal Audit.AuditCommitInterceptor Audit { get; } = new();

    internal Audit.AuditSaveInterceptor AuditSaves { get; } = new();

    /// <summary>
    /// A table as this provider names it in SQL: on PostgreSQL in its module's schema, on SQLite (which has no
    /// schemas) by its name alone, which carries the module's prefix.
    /// </summary>
    public string Table(string schema, string table) => IsPostgreSql ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";

    /// <summary>
    /// What a SELECT that reads rows it is about to change ends with. On SQLite every transaction the service begins is
    /// a write transaction (BEGIN IMMEDIATE) and already excludes every other writer; on PostgreSQL the rows are locked.
    /// </summary>
    public string ForUpdate => IsPostgreSql ? " FOR UPDATE" : string.Empty;

    /// <summary>As <see cref="ForUpdate"/>, for rows read to check a condition others must not change until the commit.</summary>
    public string ForShare => IsPostgreSql ? " FOR SHARE" : string.Empty;

    /// <summary>An open connection of its own (outside EF), committing as durably as the modules' contexts.</summary>
    public DbConnection Open()
    {
        if (IsPostgreSql)
        {
            var server = new NpgsqlConnection(ConnectionString);
            try
            {
                server.Open();
                return server;
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = DurablePragma;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A PostgreSQL session of its own, outside the pool: closing it ends the session, and so releases a session-level
    /// advisory lock whatever happened (a pooled connection would keep it, idle, for the next borrower); a probe on it
    /// finds the server as it is now, not a connection that was good once.
    /// </summary>
    public async Task<DbConnection> OpenUnpooledAsync(CancellationToken cancellationToken)
    {
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (IsPostgreSql)
        {
            var server = new NpgsqlConnection(ConnectionString);
            try
            {
                await server.OpenAsync(cancellationToken);
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = DurablePragma;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
