using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Workflow.Cycles;
using Chuangji.Workflow.Workflow.Domain.Schedule;
using Chuangji.Workflow.Workflow.Domain.Years;
using Chuangji.Workflow.Workflow.Features.Advance;
using Chuangji.Workflow.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Workflow.Scheduling;

/// <summary>
/// Does everything of every open year's schedule that is due and not yet done, in order. Whatever fires it
/// (a Quartz trigger at the moment itself, the catch-up after a restart, opening a year late) the outcome is
/// the same: each event is done once, recorded in the run ledger after its work, and the work itself is
/// idempotent, so a crash between the two repeats nothing. An event that fails stops its year's sweep
/// there: a later event (closing H1) must not run over an earlier one that did not happen (closing the
/// commitment phase); the next sweep starts again from the failed one.
/// </summary>
internal sealed partial class DueWorkRunner(IServiceScopeFactory scopes, CollegeClock clock, SweepMonitor monitor, ILogger<DueWorkRunner> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var now = clock.UtcNow;
        var failures = 0;
        try
        {
            List<WorkflowYear> years;
            await using (var scope = scopes.CreateAsyncScope())
            {
                years = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Years.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
            }

            foreach (var year in years)
            {
                failures += await RunYearAsync(year, now, cancellationToken) ? 0 : 1;
            }
        }
        finally
        {
            _oneAtATime.Release();
            monitor.Completed(now, failures);
        }
    }

    /// <summary>False when an event failed (and the year's later events were left for the next sweep).</summary>
    private async Task<bool> RunYearAsync(WorkflowYear year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(year.TimeZone);
        var due = YearSchedule.For(year, zone).Where(e => e.At <= now).ToList();
        if (due.Count == 0)
        {
            return true;
        }

        HashSet<string> done;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var keys = due.Select(e => e.Key).ToList();
            done = (await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().ScheduleRuns.AsNoTracking()
                .Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet();
        }

        var synced = false;
        foreach (var scheduled in due.Where(e => !done.Contains(e.Key)))
        {
            // One scope an event: whatever an event leaves behind in its context cannot leak into the next.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            try
            {
                if (!synced)
                {
                    await services.GetRequiredService<CycleRoster>().SyncAsync(year, null, cancellationToken);
                    synced = true;
                }

                var outcome = await DoAsync(services, year, zone, scheduled, due, now, cancellationToken);
                var db = services.GetRequiredService<WorkflowDbContext>();
                db.ScheduleRuns.Add(new ScheduleRun
                {
                    Key = scheduled.Key,
                    Year = year.Year,
                    Work = scheduled.Work,
                    DueAtUtcTicks = scheduled.At.UtcTicks,
                    RanAtUtcTicks = now.UtcTicks,
                    Outcome = outcome.Length > 500 ? outcome[..500] : outcome,
                });
                await db.SaveChangesAsync(cancellationToken);
                LogDone(logger, scheduled.Key, outcome);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not recorded as done: the next sweep (a later trigger, the next start) starts again here.
                LogFailed(logger, scheduled.Key, exception);
                return false;
            }
        }

        return true;
    }

    private static async Task<string> DoAsync(
        IServiceProvider services, WorkflowYear year, TimeZoneInfo zone, ScheduledEvent scheduled, List<ScheduledEvent> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (scheduled.Work)
        {
            case ScheduledWork.CloseCommitment:
                return await CloseAsync(services, year, AdvanceTarget.From(2, 1), cancellationToken);
            case ScheduledWork.CloseFirstHalf:
                return await CloseAsync(services, year, AdvanceTarget.From(2, 2), cancellationToken);
            case ScheduledWork.CloseSelfReport:
                return await CloseAsync(services, year, AdvanceTarget.From(3, 0), cancellationToken);
            case ScheduledWork.MemberReminder or ScheduledWork.SecretaryReminder:
                if (now >= YearSchedule.DayEnds(scheduled.Date, zone))
                {
                    return "skipped: the deadline has passed";
                }

                if (due.Any(e => e.Deadline == scheduled.Deadline && e.Date == scheduled.Date && e.DaysBefore < scheduled.DaysBefore))
                {
                    return "skipped: a later reminder of the same deadline is due";
                }

                return await services.GetRequiredService<ReminderMaker>().MakeAsync(scheduled, cancellationToken);
            case ScheduledWork.QuarterlyCheck:
                return await services.GetRequiredService<CheckReportMaker>().MakeQuarterlyAsync(year, scheduled, now < YearSchedule.DayEnds(scheduled.Date, zone), cancellationToken);
            default:
                return await services.GetRequiredService<CheckReportMaker>().MakeHalfYearAsync(year, scheduled, cancellationToken);
        }
    }

    private static async Task<string> CloseAsync(IServiceProvider services, WorkflowYear year, AdvanceTarget target, CancellationToken cancellationToken)
    {
        var results = await services.GetRequiredService<AdvancePhaseHandler>().HandleAsync(year.Year, string.Empty, target, "scheduler", cancellationToken);
        return $"moved {results.Count(r => r.Moved)}, not moved {results.Count(r => !r.Moved)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Key} done: {Outcome}")]
    private static partial void LogDone(ILogger logger, string key, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Key} failed; the next sweep starts again from it")]
    private static partial void LogFailed(ILogger logger, string key, Exception exception);
}
