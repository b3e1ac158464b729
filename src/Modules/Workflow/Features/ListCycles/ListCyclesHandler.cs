using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.ListCycles;

internal sealed record CyclePage(IReadOnlyList<Cycle> Cycles, string NextPageToken);

internal sealed class ListCyclesHandler(WorkflowDbContext db, CycleStore store, CycleRoster roster)
{
    public async Task<CyclePage> HandleAsync(int year, string branchCode, int state, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if (branchCode.Length > 0)
        {
            Identifier.Required(violations, "branch_code", branchCode);
        }

        var statuses = state == 0 ? null : StatesOf(state, violations);
        violations.ThrowIfAny();
        var fingerprint = $"cycles|{year}|{branchCode}|{state}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var opened = await store.OpenYearAsync(year, cancellationToken);
        await roster.SyncAsync(opened, branchCode.Length > 0 ? branchCode : null, cancellationToken);

        var cycles = db.Cycles.AsNoTracking().Where(c => c.Year == year);
        if (branchCode.Length > 0)
        {
            cycles = cycles.Where(c => c.BranchCode == branchCode);
        }

        if (statuses is not null)
        {
            cycles = cycles.Where(c => statuses.Contains(c.Status));
        }

        if (page.After is { } after)
        {
            cycles = cycles.Where(c => string.Compare(c.StaffNumber, after) > 0);
        }

        var (rows, next) = await cycles.OrderBy(c => c.StaffNumber)
            .Include(c => c.Objections).Include(c => c.Determinations).AsSplitQuery()
            .ReadPageAsync(page, c => c.StaffNumber, fingerprint, cancellationToken);
        var calendar = opened.Calendar;
        rows.ForEach(c => c.AttachCalendar(calendar));
        return new CyclePage(rows, next);
    }

    private static CycleStatus[]? StatesOf(int state, Violations violations) => state switch
    {
        1 => [CycleStatus.Commitment],
        2 => [CycleStatus.FirstHalf, CycleStatus.SecondHalf],
        3 => [CycleStatus.MassReview],
        4 => [CycleStatus.Publicity],
        5 => [CycleStatus.Determination],
        6 => [CycleStatus.Application],
        7 => [CycleStatus.Closed],
        _ => Invalid(violations),
    };

    private static CycleStatus[]? Invalid(Violations violations)
    {
        violations.Add("state", "has no such value; use a CYCLE_STATE_* value or leave it unspecified for every state");
        return null;
    }
}
