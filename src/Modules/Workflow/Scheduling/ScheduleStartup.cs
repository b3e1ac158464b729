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
internal sealed partial class ScheduleStartup(IServiceScopeFactory scopes, ILogger<ScheduleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling the moments of {Year} at start-up failed")]
    private static partial void LogFailed(ILogger logger, int year, Exception exception);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
