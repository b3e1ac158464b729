using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Years;

/// <summary>A year as every year-answering RPC returns it (GetYear, OpenYear, UpdateCalendar, RetryScheduledWork).</summary>
internal sealed class YearViewReader(WorkflowDbContext db)
{
    public async Task<YearView> ReadAsync(WorkflowYear year, CancellationToken cancellationToken)
    {
        var counts = await db.Cycles.Where(c => c.Year == year.Year)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var failures = await db.ScheduleFailures.AsNoTracking().Where(f => f.Year == year.Year).OrderBy(f => f.DueAtUtcTicks).ToListAsync(cancellationToken);
        var waived = AdvanceTarget.DeadlineCloses.Where(t => t.DeadlinePassedBeforeOpening(year)).ToList();
        return new YearView(year, counts.ToDictionary(c => c.Status, c => c.Count), failures, waived);
    }
}
