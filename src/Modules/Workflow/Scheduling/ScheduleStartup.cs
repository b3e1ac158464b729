using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// At start-up, after the database and the scheduler: every opened year's moments are (re)placed in the
/// store and one catch-up runs, so a deadline that fell while the service was down is done now, once.
/// </summary>
internal sealed partial class ScheduleStartup(IServiceScopeFactory scopes, ServiceDatabase database, ILogger<ScheduleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A new database has no year to schedule: asked in SQL, a first start does not wait for EF to build the module's
        // model, which the first call builds anyway (ADR 26).
        if (!await AnyYearAsync(cancellationToken))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var scheduler = scope.ServiceProvider.GetRequiredService<YearScheduler>();
        foreach (var year in await db.Years.AsNoTracking().ToListAsync(cancellationToken))
        {
            try
            {
                await scheduler.ScheduleAsync(year, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The service still starts: the triggers already stored fire, and the next OpenYear or
                // UpdateCalendar of the year, or the next start, puts its moments in place again.
                LogFailed(logger, year.Year, exception);
            }
        }
    }

    private async Task<bool> AnyYearAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM {database.Table(WorkflowDbContext.Schema, WorkflowDbContext.YearsTable)} LIMIT 1) AS y";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling the moments of {Year} at start-up failed")]
    private static partial void LogFailed(ILogger logger, int year, Exception exception);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
