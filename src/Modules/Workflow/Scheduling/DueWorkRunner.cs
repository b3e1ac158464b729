using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// Does everything of every open year's schedule that is due and not yet done, in order. Whatever fires it
/// (a Quartz trigger at the moment itself, the catch-up after a restart, opening a year late) the outcome is
/// the same: each event is done once, recorded in the run ledger after its work, and the work itself is
/// idempotent, so a crash between the two repeats nothing. A failed event is recorded where the leadership
/// group sees it (GetYear) and tried again by every sweep; a failed phase close holds back the later closes
/// of its year (closing H1 must not run over a commitment close that did not happen), nothing else.
/// </summary>
internal sealed partial class DueWorkRunner(
    IServiceScopeFactory scopes, ServiceDatabase database, CollegeClock clock, SweepMonitor monitor, ServiceMetrics metrics, ILogger<DueWorkRunner> logger)
{
    /// <summary>The advisory lock that makes instances sharing a PostgreSQL database sweep one at a time: "duework" in ASCII.</summary>
    internal const long OneInstanceAtATime = 0x64_7565_776F_726B;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var now = clock.UtcNow;
        var failures = 0;
        AdvisoryLock? turn = null;
        try
        {
            // One sweep at a time across the instances too: the next finds in the run ledger what this one did.
            turn = database.IsPostgreSql ? await AdvisoryLock.TakeAsync(database, OneInstanceAtATime, cancellationToken) : null;
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
            if (turn is not null)
            {
                await turn.DisposeAsync();
            }

            _oneAtATime.Release();
            monitor.Completed(now, failures);
        }
    }

    /// <summary>False when an event failed (it is recorded, with what it holds back, and the next sweep tries it again).</summary>
    private async Task<bool> RunYearAsync(WorkflowYear year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(year.TimeZone);
        var due = YearSchedule.For(year, zone).Where(e => e.At <= now).ToList();
        if (due.Count == 0)
        {
            return true;
        }

        HashSet<string> done;
        HashSet<string> failing;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var keys = due.Select(e => e.Key).ToList();
            var read = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            done = (await read.ScheduleRuns.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet();
            failing = (await read.ScheduleFailures.AsNoTracking().Where(f => f.Year == year.Year).Select(f => f.Key).ToListAsync(cancellationToken)).ToHashSet();
        }

        var pending = due.Where(e => !done.Contains(e.Key)).ToList();
        var synced = false;
        var allDone = true;
        var closesHeldBack = false;
        foreach (var scheduled in pending)
        {
            // Closing H1 must not run over a commitment close that did not happen; reminders and checks do not wait.
            if (closesHeldBack && scheduled.ClosesPhase)
            {
                continue;
            }

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
                    Outcome = ErrorText.Clip(outcome, ScheduleRun.MaxOutcomeLength - 1),
                });
                if (failing.Contains(scheduled.Key))
                {
                    await db.ScheduleFailures.Where(f => f.Key == scheduled.Key).ExecuteDeleteAsync(cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                LogDone(logger, scheduled.Key, outcome);
                metrics.ScheduledEvents.Add(1, new KeyValuePair<string, object?>("work", scheduled.Work.ToString()), new KeyValuePair<string, object?>("outcome", "done"));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not recorded as done: the next sweep (a later trigger, the next start, a retry by hand) tries it again.
                LogFailed(logger, scheduled.Key, exception);
                metrics.ScheduledEvents.Add(1, new KeyValuePair<string, object?>("work", scheduled.Work.ToString()), new KeyValuePair<string, object?>("outcome", "failed"));
                allDone = false;
                var heldBack = scheduled.ClosesPhase
                    ? pending.Where(e => e.ClosesPhase && e.At > scheduled.At).Select(e => e.Key).ToList()
                    : [];
                closesHeldBack |= scheduled.ClosesPhase;
                await RecordFailureAsync(scheduled, exception, heldBack, now, cancellationToken);
            }
        }

        return allDone;
    }

    private async Task RecordFailureAsync(ScheduledEvent scheduled, Exception exception, IReadOnlyList<string> heldBack, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = exception is DomainException ? exception.Message : $"unexpected error ({exception.GetType().Name}); the service log has the details";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var failure = await db.ScheduleFailures.SingleOrDefaultAsync(f => f.Key == scheduled.Key, cancellationToken);
            if (failure is null)
            {
                failure = new ScheduleFailure
                {
                    Key = scheduled.Key,
                    Year = scheduled.Year,
                    Work = scheduled.Work,
                    DueAtUtcTicks = scheduled.At.UtcTicks,
                    FirstFailedAtUtcTicks = now.UtcTicks,
                };
                db.ScheduleFailures.Add(failure);
            }

            failure.LastFailedAtUtcTicks = now.UtcTicks;
            failure.Attempts++;
            failure.Reason = ErrorText.Clip(reason, ScheduleFailure.MaxReasonLength - 1);
            failure.HoldsBack = string.Join(',', heldBack);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception recording) when (recording is not OperationCanceledException)
        {
            // The failure is in the log either way; the next sweep tries the event and its record again.
            LogNotRecorded(logger, scheduled.Key, recording);
        }
    }

    private static async Task<string> DoAsync(
        IServiceProvider services, WorkflowYear year, TimeZoneInfo zone, ScheduledEvent scheduled, List<ScheduledEvent> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (scheduled.Work)
        {
            case ScheduledWork.CloseCommitment:
                return await CloseAsync(services, year, AdvanceTarget.CloseCommitment, cancellationToken);
            case ScheduledWork.CloseFirstHalf:
                return await CloseAsync(services, year, AdvanceTarget.CloseFirstHalf, cancellationToken);
            case ScheduledWork.CloseSelfReport:
                return await CloseAsync(services, year, AdvanceTarget.CloseSelfReport, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Key} failed; it is shown on the year and the next sweep tries it again")]
    private static partial void LogFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Key} failed and the failure could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, string key, Exception exception);
}
