using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Features.CreateBranch;
using Chuangji.Workflow.Modules.Members.Features.ImportMembers;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Contracts;

internal sealed class MembersModuleFacade(CreateBranchHandler createBranch, ImportMembersHandler importMembers, MembersDbContext db) : IMembersModule
{
    /// <summary>Every fact registered looks its member up: compiled once, not translated per call.</summary>
    private static readonly Func<MembersDbContext, string, CancellationToken, Task<SnapshotRow?>> MemberByStaffNumber =
        EF.CompileAsyncQuery((MembersDbContext context, string staffNumber, CancellationToken _) =>
            context.Members.AsNoTracking()
                .Where(m => m.StaffNumber == staffNumber)
                .Select(m => new SnapshotRow(m.Id, m.StaffNumber, m.Name, m.BranchCode, m.Category, m.Status))
                .SingleOrDefault());

    public async Task<MemberSnapshot?> FindMemberAsync(string staffNumber, CancellationToken cancellationToken) =>
        await MemberByStaffNumber(db, staffNumber, cancellationToken) is { } row ? row.ToSnapshot() : null;

    public async Task<IReadOnlyDictionary<string, MemberSnapshot>> FindMembersAsync(IReadOnlyCollection<string> staffNumbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, MemberSnapshot>(StringComparer.Ordinal);
        if (staffNumbers.Count == 1)
        {
            var single = staffNumbers.First();
            if (await FindMemberAsync(single, cancellationToken) is { } member)
            {
                found[single] = member;
            }

            return found;
        }

        // One JSON array parameter (json_each), not a parameter per number: thousands at once stay one short statement.
        var numbers = staffNumbers.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var member in await SnapshotsAsync(db.Members.Where(m => EF.Parameter(numbers).Contains(m.StaffNumber)), cancellationToken))
        {
            found[member.StaffNumber] = member;
        }

        return found;
    }

    /// <summary>Every change bumps a member's version and no member is ever deleted, so count, version total and newest id cover every change.</summary>
    public async Task<string> RosterStampAsync(CancellationToken cancellationToken)
    {
        var stamp = await db.Members.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(m => m.Version), Newest = g.Max(m => m.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return stamp is null ? "0" : FormattableString.Invariant($"{stamp.Count}:{stamp.Versions}:{stamp.Newest}");
    }

    public async Task<IReadOnlyList<BranchRecord>> ListBranchesAsync(CancellationToken cancellationToken) =>
        await db.Branches.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new BranchRecord(b.Code, b.Name, b.SecretaryName, b.SecretaryStaffNumber))
            .ToListAsync(cancellationToken);

    public Task<bool> BranchExistsAsync(string branchCode, CancellationToken cancellationToken) =>
        db.Branches.AnyAsync(b => b.Code == branchCode, cancellationToken);

    public Task<BranchRecord?> FindBranchAsync(string branchCode, CancellationToken cancellationToken) =>
        db.Branches.AsNoTracking().Where(b => b.Code == branchCode)
            .Select(b => new BranchRecord(b.Code, b.Name, b.SecretaryName, b.SecretaryStaffNumber))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<MemberSnapshot>> ListMembersAsync(string? branchCode, bool activeOnly, CancellationToken cancellationToken)
    {
        var members = db.Members.AsQueryable();
        if (branchCode is not null)
        {
            members = members.Where(m => m.BranchCode == branchCode);
        }

        if (activeOnly)
        {
            members = members.Where(m => m.Status == MemberStatus.Active);
        }

        return await SnapshotsAsync(members.OrderBy(m => m.StaffNumber), cancellationToken);
    }

    public async Task<IReadOnlyList<MemberSnapshot>> ListActiveMembersAfterAsync(long afterMemberId, int count, CancellationToken cancellationToken) =>
        await SnapshotsAsync(
            db.Members.Where(m => m.Status == MemberStatus.Active && m.Id > afterMemberId).OrderBy(m => m.Id).Take(count), cancellationToken);

    public async Task<bool> EnsureBranchAsync(BranchRecord branch, CancellationToken cancellationToken)
    {
        var command = new CreateBranchCommand(branch.Code, branch.Name, branch.SecretaryName, branch.SecretaryStaffNumber);
        var result = await createBranch.HandleAsync(command, cancellationToken);
        return result.Created;
    }

    public async Task<RosterImportSummary> ImportMembersAsync(IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        var rows = members
            .Select(m => new MemberRegistrationInput(m.StaffNumber, m.Name, m.BranchCode, (int)m.Category, IsoDate.Format(m.JoinedPartyOn), m.Specialty))
            .ToList();
        var outcomes = await importMembers.HandleAsync(rows, cancellationToken);
        return new RosterImportSummary(
            outcomes.Count(o => o.Created),
            outcomes.Count(o => o.Error is null && !o.Created),
            outcomes.Where(o => o.Error is not null).Select(o => $"{o.StaffNumber}: {o.Error!.Message}").ToList());
    }

    /// <summary>Enums are stored as text: they are mapped after reading, where a cast cannot turn into SQL.</summary>
    private static async Task<List<MemberSnapshot>> SnapshotsAsync(IQueryable<Member> members, CancellationToken cancellationToken)
    {
        var rows = await members.AsNoTracking()
            .Select(m => new SnapshotRow(m.Id, m.StaffNumber, m.Name, m.BranchCode, m.Category, m.Status))
            .ToListAsync(cancellationToken);
        return rows.Select(m => m.ToSnapshot()).ToList();
    }

    private sealed record SnapshotRow(long Id, string StaffNumber, string Name, string BranchCode, MemberCategory Category, MemberStatus Status)
    {
        public MemberSnapshot ToSnapshot() =>
            new(Id, StaffNumber, Name, BranchCode, (MemberCategoryCode)(int)Category, (MemberStatusCode)(int)Status);
    }
}
