namespace Chuangji.Workflow.Members.Contracts;

/// <summary>What other modules and the Host may ask of the Members module in process.</summary>
public interface IMembersModule
{
    /// <summary>Creates the branch, or leaves it as it is when it exists with the same data.</summary>
    Task<bool> EnsureBranchAsync(BranchRecord branch, CancellationToken cancellationToken);

    /// <summary>Registers members with the rules of RegisterMember, row by row.</summary>
    Task<RosterImportSummary> ImportMembersAsync(IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken);
}
