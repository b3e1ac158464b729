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
/// idempotent, so a crash between the two repeats nothing. A reminder whose deadline has passed is never
/// sent, and of a deadline's reminders only the latest due is (a reminder "7 days left" two days before
/// the deadline would mislead).
/// </summary>
internal sealed partial class DueWorkRunner(IServiceScopeFactory scopes, CollegeClock clock, SweepMonitor monitor, ILogger<DueWorkRunner> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var now = clock.UtcNow;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var years = await db.Years.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
            foreach (var year in years)
            {
                await RunYearAsync(scope.ServiceProvider, db, year, now, cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
            monitor.Completed(now);
        }
    }

    private async Task RunYearAsync(IServiceProvider services, WorkflowDbContext db, WorkflowYear year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = YearSchedule.For(year, clock.Zone);
        var due = schedule.Where(e => e.At <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var keys = due.Select(e => e.Key).ToList();
        var done = (await db.ScheduleRuns.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet();
        var pending = due.Where(e => !done.Contains(e.Key)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        await services.GetRequiredService<CycleRoster>().SyncAsync(year, null, cancellationToken);
        foreach (var scheduled in pending)
        {
            string outcome;
            try
            {
                outcome = await DoAsync(services, year, scheduled, due, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not recorded as done: the next sweep (a later trigger, the next start) tries again.
                LogFailed(logger, scheduled.Key, exception);
                continue;
            }

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
    }

    private static async Task<string> DoAsync(
        IServiceProvider services, WorkflowYear year, ScheduledEvent scheduled, List<ScheduledEvent> due, DateTimeOffset now, CancellationToken cancellationToken)
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
                if (now >= YearSchedule.DayEnds(scheduled.Date, services.GetRequiredService<CollegeClock>().Zone))
                {
                    return "skipped: the deadline has passed";
                }

                if (due.Any(e => e.Deadline == scheduled.Deadline && e.Date == scheduled.Date && e.DaysBefore < scheduled.DaysBefore))
                {
                    return "skipped: a later reminder of the same deadline is due";
                }

                return await services.GetRequiredService<ReminderMaker>().MakeAsync(scheduled, cancellationToken);
            case ScheduledWork.QuarterlyCheck:
                return await services.GetRequiredService<CheckReportMaker>().MakeQuarterlyAsync(year, scheduled, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Key} failed; it is tried again at the next sweep")]
    private static partial void LogFailed(ILogger logger, string key, Exception exception);
}
