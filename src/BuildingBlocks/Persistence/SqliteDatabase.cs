using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>The one embedded SQLite file that every module's context shares, each with its own tables.</summary>
public sealed class SqliteDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>synchronous is per connection; FULL makes an acknowledged commit survive power loss.</summary>
    internal const string DurablePragma = "PRAGMA synchronous = FULL;";

    internal SqlitePragmaInterceptor Pragmas { get; } = new();

    internal Audit.AuditCommitInterceptor Audit { get; } = new();

    internal Audit.AuditSaveInterceptor AuditSaves { get; } = new();

    /// <summary>An open connection of its own (outside EF), committing as durably as the modules' contexts.</summary>
    public SqliteConnection Open()
    {
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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
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
