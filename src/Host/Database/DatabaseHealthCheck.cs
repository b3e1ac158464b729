using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Chuangji.Workflow.Host.Database;

/// <summary>
/// Readiness: the schema is migrated and the database answers now. SQLite: a fresh, unpooled connection that may not
/// create the file, so a database gone from under the service is unhealthy, not a new empty one. PostgreSQL: a pooled
/// connection that reads a module's history, so a server down or a database dropped is unhealthy.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness, ServiceDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy("database not migrated yet");
        }

        try
        {
            await using var connection = Probe();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Reads the schema: a file emptied or overwritten, or a database dropped, fails here, where SELECT 1 would not.
            command.CommandText = database.IsPostgreSql
                ? "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'members'"
                : "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("database migrated and reachable");
        }
        catch (DbException exception)
        {
            // The answer is anonymous: it says that, not why (the exception stays in the report, out of the body).
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }

    private DbConnection Probe() => database.IsPostgreSql
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString);
}
