namespace Chuangji.Workflow.Modules.Members.Contracts;

/// <summary>
/// What other modules and the Host get as <see cref="IMembersModule"/>: within one scope (a call, a scheduled
/// event) a member is looked up once, however many of the call's parts ask (the audit record, the policy, the
/// handler). Only members found are remembered, so a member registered during the call is found afterwards;
/// the facade's own writes forget everything remembered.
/// </summary>
internal sealed class MemberLookupsOfTheCall(MembersModuleFacade facade) : IMembersModule
{
    private readonly Dictionary<string, MemberSnapshot> _found = new(StringComparer.Ordinal);

    public async Task<MemberSnapshot?> FindMemberAsync(string staffNumber, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(staffNumber, out var known))
        {
            return known;
        }

        var member = await facade.FindMemberAsync(staffNumber, cancellationToken);
        if (member is not null)
        {
            _found[staffNumber] = member;
        }

        return member;
    }

    public async Task<IReadOnlyDictionary<string, MemberSnapshot>> FindMembersAsync(IReadOnlyCollection<string> staffNumbers, CancellationToken cancellationToken)
    {
        var missing = staffNumbers.Where(s => !_found.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var (staffNumber, member) in await facade.FindMembersAsync(missing, cancellationToken))
            {
                _found[staffNumber] = member;
            }
        }

        var answer = new Dictionary<string, MemberSnapshot>(StringComparer.Ordinal);
        foreach (var staffNumber in staffNumbers)
        {
            if (_found.TryGetValue(staffNumber, out var member))
            {
                answer[staffNumber] = member;
            }
        }

        return answer;
    }

    public async Task<bool> EnsureBranchAsync(BranchRecord branch, CancellationToken cancellationToken)
    {
        _found.Clear();
        return await facade.EnsureBranchAsync(branch, cancellationToken);
    }

    public async Task<RosterImportSummary> ImportMembersAsync(IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        _found.Clear();
        return await facade.ImportMembersAsync(members, cancellationToken);
    }

    public Task<string> RosterStampAsync(CancellationToken cancellationToken) => facade.RosterStampAsync(cancellationToken);

    public Task<IReadOnlyList<BranchRecord>> ListBranchesAsync(CancellationToken cancellationToken) => facade.ListBranchesAsync(cancellationToken);

    public Task<bool> BranchExistsAsync(string branchCode, CancellationToken cancellationToken) => facade.BranchExistsAsync(branchCode, cancellationToken);

    public Task<BranchRecord?> FindBranchAsync(string branchCode, CancellationToken cancellationToken) => facade.FindBranchAsync(branchCode, cancellationToken);

    public Task<IReadOnlyList<MemberSnapshot>> ListMembersAsync(string? branchCode, bool activeOnly, CancellationToken cancellationToken) =>
        facade.ListMembersAsync(branchCode, activeOnly, cancellationToken);

    public Task<IReadOnlyList<MemberSnapshot>> ListActiveMembersAfterAsync(long afterMemberId, int count, CancellationToken cancellationToken) =>
        facade.ListActiveMembersAfterAsync(afterMemberId, count, cancellationToken);
}
