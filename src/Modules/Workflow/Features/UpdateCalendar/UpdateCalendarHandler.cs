using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.UpdateCalendar;

/// <summary>Moves calendar dates that have not passed, to dates that have not passed.</summary>
internal sealed class UpdateCalendarHandler(WorkflowDbContext db, CycleStore store, YearScheduler scheduler, CollegeClock clock)
{
    public async Task<WorkflowYear> HandleAsync(int year, CalendarOverrides overrides, CancellationToken cancellationToken)
    {
        var opened = await store.OpenYearAsync(year, cancellationToken);
        var calendar = overrides.ApplyTo(opened.Calendar, clock.Today);
        opened.Apply(calendar);
        if (db.Entry(opened).State != EntityState.Modified)
        {
            // A retry after a failure to reschedule finds nothing to change: it still puts the moments in place.
            await scheduler.ScheduleAsync(opened, cancellationToken);
            return opened;
        }

        opened.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (overrides.PublicityDays is { } days)
        {
            // Cycles whose publicity has not started take the new length; a running window keeps its own.
            await db.Cycles.Where(c => c.Year == year && c.PublicityStartedAtUtcTicks == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.PublicityDays, days), cancellationToken);
        }

        await db.SaveOrConflictAsync(
            () => new ConcurrencyConflictException("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        await scheduler.ScheduleAsync(opened, cancellationToken);
        return opened;
    }
}
