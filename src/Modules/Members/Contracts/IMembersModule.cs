namespace Chuangji.Workflow.Modules.Members.Contracts;

/// <summary>What other modules and the Host may ask of the Members module in process.</summary>
public interface IMembersModule
{
    /// <summary>Creates the branch, or leaves it as it is when it exists with the same data.</summary>
    Task<bool> EnsureBranchAsync(BranchRecord branch, CancellationToken cancellationToken);

    /// <summary>Registers members with the rules of RegisterMember, row by row.</summary>
    Task<RosterImportSummary> ImportMembersAsync(IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken);

    Task<MemberSnapshot?> FindMemberAsync(string staffNumber, CancellationToken cancellationToken);

    /// <summary>The members with these staff numbers; unknown numbers are simply absent.</summary>
    Task<IReadOnlyDictionary<string, MemberSnapshot>> FindMembersAsync(IReadOnlyCollection<string> staffNumbers, CancellationToken cancellationToken);

    /// <summary>
    /// A stamp that changes whenever any member is registered or changed (transfer, status, data): a
    /// module that mirrors the roster re-reads it only when the stamp moved.
    /// </summary>
    Task<string> RosterStampAsync(CancellationToken cancellationToken);

    /// <summary>Every branch with its secretary, by code.</summary>
    Task<IReadOnlyList<BranchRecord>> ListBranchesAsync(CancellationToken cancellationToken);

    Task<bool> BranchExistsAsync(string branchCode, CancellationToken cancellationToken);

    /// <summary>One branch with its secretary, or null when there is none of that code.</summary>
    Task<BranchRecord?> FindBranchAsync(string branchCode, CancellationToken cancellationToken);

    /// <summary>The members currently in a branch (every branch when null), by staff number; active ones only unless asked.</summary>
    Task<IReadOnlyList<MemberSnapshot>> ListMembersAsync(string? branchCode, bool activeOnly, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="count"/> active members with an id above <paramref name="afterMemberId"/>, by member id:
    /// the whole roster a page at a time, in the order the ledger keeps its facts.
    /// </summary>
    Task<IReadOnlyList<MemberSnapshot>> ListActiveMembersAfterAsync(long afterMemberId, int count, CancellationToken cancellationToken);
}
