namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>One of the members a call about several concerns (a batch of facts, a roster import), with their branch.</summary>
public sealed record AuditMember(string StaffNumber, string BranchCode);

/// <summary>
/// The audit record of one mutating call, filled in when the call starts and written exactly once: inside
/// the transaction that makes the call's first change, or, for a call refused or changing nothing, at its end.
/// </summary>
public sealed class AuditEntry
{
    public required string Subject { get; init; }

    public required string Role { get; init; }

    public required string Rpc { get; init; }

    public required string Target { get; init; }

    public required string StaffNumber { get; init; }

    public required string BranchCode { get; init; }

    public required string RequestId { get; init; }

    public required long AtUtcTicks { get; init; }

    /// <summary>
    /// Every member of a call about several (then <see cref="StaffNumber"/> is empty): the record is found by
    /// each of them, and by each of their branches. Empty for a call about one member or none.
    /// </summary>
    public IReadOnlyList<AuditMember> Members { get; init; } = [];

    /// <summary>An anonymous opinion: no identity, no exact time, no reasons that could name the caller.</summary>
    public bool Anonymous { get; init; }

    private int _written;

    public bool Written => Volatile.Read(ref _written) == 1;

    /// <summary>Claims the right to write the record; false when another writer already has.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _written, 1, 0) == 0;

    /// <summary>Gives the claim back when the transaction that carried the record did not commit.</summary>
    public void Release() => Volatile.Write(ref _written, 0);

    /// <summary>A fresh, unwritten record of the same call: for a failure that follows a committed change.</summary>
    public AuditEntry Copy() => new()
    {
        Subject = Subject, Role = Role, Rpc = Rpc, Target = Target, StaffNumber = StaffNumber, BranchCode = BranchCode, RequestId = RequestId, AtUtcTicks = AtUtcTicks,
        Members = Members, Anonymous = Anonymous,
    };
}
