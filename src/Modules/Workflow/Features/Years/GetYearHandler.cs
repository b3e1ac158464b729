using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.Advance;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.Years;

internal sealed class GetYearHandler(WorkflowDbContext db, CycleStore store, CycleRoster roster)
{
    public async Task<YearView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var opened = await store.OpenYearAsync(year, cancellationToken);
        await roster.SyncAsync(opened, null, cancellationToken);
        return await ViewAsync(opened, cancellationToken);
    }

    public async Task<YearView> ViewAsync(WorkflowYear year, CancellationToken cancellationToken)
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
