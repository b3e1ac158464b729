using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chuangji.Workflow.Host.Database;

internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("database migrated")
            : HealthCheckResult.Unhealthy("database not migrated yet"));
}
