using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chuangji.Workflow.Host.Database;

/// <summary>
/// Readiness: the schema is migrated and the database answers now. A fresh, unpooled connection that may not create
/// the file, so a database gone from under the service is unhealthy, not a new empty one.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness, SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy("database not migrated yet");
        }

        var probe = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        try
        {
            await using var connection = new SqliteConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Reads the schema's page: a file emptied or overwritten fails here, where SELECT 1 would not.
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("database migrated and reachable");
        }
        catch (SqliteException exception)
        {
            // The answer is anonymous: it says that, not why (the exception stays in the report, out of the body).
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }
}
