using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Cycles;

/// <summary>
/// Keeps an open year's cycles in step with the roster: an active member without a cycle gets one (a
/// member registered or transferred in while the year is open), and a transferred member keeps theirs,
/// now under the new branch. Asked before every read or advance, so no event can be missed; it reads the
/// roster only when the roster's stamp has moved since the last sync of that scope.
/// </summary>
internal sealed class CycleRoster(WorkflowDbContext db, IMembersModule members, RosterSyncStamps stamps)
{
    public async Task SyncAsync(WorkflowYear year, string? branchCode, CancellationToken cancellationToken)
    {
        using var housekeeping = AuditScope.Housekeeping("bringing the year's cycles in step with the roster");
        // Read before syncing: a change made meanwhile leaves the stored stamp behind, so the next call syncs again.
        var stamp = await members.RosterStampAsync(cancellationToken);
        if (stamps.IsCurrent(year.Year, branchCode, stamp))
        {
            return;
        }

        if (await SyncNowAsync(year, branchCode, cancellationToken))
        {
            stamps.Remember(year.Year, branchCode, stamp);
        }
    }

    /// <summary>False when a concurrent sync won a race: the next call looks again rather than trusting the stamp.</summary>
    private async Task<bool> SyncNowAsync(WorkflowYear year, string? branchCode, CancellationToken cancellationToken)
    {
        var active = await members.ListMembersAsync(branchCode, activeOnly: true, cancellationToken);
        var existing = new Dictionary<long, (long Id, string BranchCode)>();
        // College-wide, every cycle of the year is read at once; for a branch, only its members' cycles
        // (a member transferred in still has a cycle under the old branch).
        var scopes = branchCode is null
            ? [db.Cycles.Where(c => c.Year == year.Year)]
            : active.Select(m => m.MemberId).Chunk(500).Select(chunk => db.Cycles.Where(c => c.Year == year.Year && chunk.Contains(c.MemberId)));
        foreach (var scope in scopes)
        {
            var rows = await scope.AsNoTracking().Select(c => new { c.Id, c.MemberId, c.BranchCode }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                existing[row.MemberId] = (row.Id, row.BranchCode);
            }
        }

        var moved = active.Where(m => existing.TryGetValue(m.MemberId, out var c) && c.BranchCode != m.BranchCode).ToList();
        foreach (var member in moved)
        {
            var id = existing[member.MemberId].Id;
            await db.Cycles.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.BranchCode, member.BranchCode), cancellationToken);
        }

        var missing = active.Where(m => !existing.ContainsKey(m.MemberId)).ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        db.Cycles.AddRange(missing.Select(m => Cycle.Open(year.Year, m.MemberId, m.StaffNumber, m.BranchCode, year.PublicityDays)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (BuildingBlocks.Persistence.DatabaseErrors.IsUniqueViolation(exception))
        {
            // Another request opened the same cycles at the same moment: theirs stand.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
