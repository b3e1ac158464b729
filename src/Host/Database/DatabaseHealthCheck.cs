using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chuangji.Workflow.Host.Database;

/// <summary>
/// Readiness: the schema is migrated and the database answers now. SQLite: a fresh, unpooled connection that may not
/// create the file, so a database gone from under the service is unhealthy, not a new empty one. PostgreSQL: an
/// unpooled connection too, so a connection the server cut is not mistaken for the server. Either way a module's migrations history is read, so a server down, or a database dropped or made anew
/// empty under the running service, is unhealthy.
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
            await using var connection = database.IsPostgreSql ? await database.OpenUnpooledAsync(cancellationToken) : await OpenSqliteProbeAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Reads a module's migrations history: a file emptied or overwritten, or a database dropped or made anew
            // empty, fails here (no such table, or no migration in it), where SELECT 1 would not.
            command.CommandText = database.IsPostgreSql
                ? $"SELECT count(*) FROM \"members\".\"{ModuleDbContextRegistration.PostgreSqlHistoryTable}\""
                : $"SELECT count(*) FROM \"{ModuleDbContextRegistration.MigrationsHistoryTable("Members")}\"";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0
                ? HealthCheckResult.Healthy("database migrated and reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (DbException exception)
        {
            // The answer is anonymous: it says that, not why (the exception stays in the report, out of the body).
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }

    private async Task<DbConnection> OpenSqliteProbeAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
