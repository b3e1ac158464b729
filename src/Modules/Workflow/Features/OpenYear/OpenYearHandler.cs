using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Modules.Workflow.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.OpenYear;

internal sealed record OpenYearResult(WorkflowYear Year, bool Opened);

/// <summary>
/// The leadership group opens a year: the default calendar with any date overridden, and a cycle in
/// COMMITMENT for every active member. Opening an open year again with the same calendar changes nothing.
/// </summary>
internal sealed class OpenYearHandler(
    WorkflowDbContext db, DefaultCalendarSource defaults, CycleRoster roster, AdvancePhaseHandler advance, YearScheduler scheduler, CollegeClock clock)
{
    public async Task<OpenYearResult> HandleAsync(int year, CalendarOverrides overrides, string actor, CancellationToken cancellationToken)
    {
        CalendarYear.EnsureInRange(year, "year");
        var calendar = overrides.ApplyTo(CalendarResolver.Resolve(defaults.Template, year), today: null);
        var opener = TextField.Optional(new Violations(), "actor", actor, 64) ?? string.Empty;

        var existing = await db.Years.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (existing is not null)
        {
            if (!SameCalendar(existing.Calendar, calendar))
            {
                throw new AlreadyExistsException("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [new FieldViolation("calendar", "the year is open with another calendar; UpdateCalendar changes dates that have not passed")]);
            }

            await roster.SyncAsync(existing, null, cancellationToken);
            await ClosePhasesPassedBeforeOpeningAsync(existing, opener, cancellationToken);
            // A retry after a failure to schedule puts the year's moments in place.
            await scheduler.ScheduleAsync(existing, cancellationToken);
            return new OpenYearResult(existing, false);
        }

        var opened = WorkflowYear.Open(calendar, opener, clock.UtcNow);
        db.Years.Add(opened);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (BuildingBlocks.Persistence.DatabaseErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);
        }

        await roster.SyncAsync(opened, null, cancellationToken);
        await ClosePhasesPassedBeforeOpeningAsync(opened, opener, cancellationToken);
        await scheduler.ScheduleAsync(opened, cancellationToken);
        return new OpenYearResult(opened, true);
    }

    /// <summary>
    /// A year opened late (a college starting mid-year) has deadlines behind it that nobody could meet in the
    /// service: their phases close now, without penalty (docs/domain.md §9), whether or not the scheduler runs. The
    /// schedule's own close of those deadlines then finds nothing left to move.
    /// </summary>
    private async Task ClosePhasesPassedBeforeOpeningAsync(WorkflowYear year, string actor, CancellationToken cancellationToken)
    {
        foreach (var target in AdvanceTarget.DeadlineCloses.Where(t => t.DeadlinePassedBeforeOpening(year)))
        {
            await advance.HandleAsync(year.Year, string.Empty, target, actor, cancellationToken);
        }
    }

    private static bool SameCalendar(YearCalendar a, YearCalendar b) =>
        a with { QuarterlyChecks = [], HalfYearChecks = [], ReminderDaysBefore = [] } == b with { QuarterlyChecks = [], HalfYearChecks = [], ReminderDaysBefore = [] }
        && a.QuarterlyChecks.SequenceEqual(b.QuarterlyChecks)
        && a.HalfYearChecks.SequenceEqual(b.HalfYearChecks)
        && a.ReminderDaysBefore.SequenceEqual(b.ReminderDaysBefore);
}
