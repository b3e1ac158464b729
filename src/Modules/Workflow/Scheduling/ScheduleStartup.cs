using Chuangji.Workflow.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chuangji.Workflow.Workflow.Scheduling;

/// <summary>
/// At start-up, after the database and the scheduler: every opened year's moments are (re)placed in the
/// store and one catch-up runs, so a deadline that fell while the service was down is done now, once.
/// </summary>
internal sealed class ScheduleStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var scheduler = scope.ServiceProvider.GetRequiredService<YearScheduler>();
        foreach (var year in await db.Years.AsNoTracking().ToListAsync(cancellationToken))
        {
            await scheduler.ScheduleAsync(year, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
