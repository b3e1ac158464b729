namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// A member's objection to the posted result (亮绩), resolved by the branch. Raised and resolved only through its
/// cycle's steps (<see cref="Cycle.RaiseObjection"/>, <see cref="Cycle.ResolveObjection"/>); EF Core sets the rest as it reads.
/// </summary>
internal sealed class Objection
{
    private ObjectionStatus _status;

    public long Id { get; init; }

    public long CycleId { get; init; }

    public string Content { get; init; } = string.Empty;

    public long RaisedAtUtcTicks { get; init; }

    public string RaisedBy { get; init; } = string.Empty;

    public ObjectionStatus Status { get => _status; init => _status = value; }

    public string Resolution { get; private set; } = string.Empty;

    /// <summary>Comma-separated ids of the facts recorded or revoked to correct the score.</summary>
    public string CorrectedFactIds { get; private set; } = string.Empty;

    public long? ResolvedAtUtcTicks { get; private set; }

    public string ResolvedBy { get; private set; } = string.Empty;

    /// <summary>For the cycle's resolve step, once its machine has permitted it.</summary>
    internal void Resolve(bool upheld, string resolution, IReadOnlyList<long> correctedFactIds, string actor, DateTimeOffset now)
    {
        _status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        Resolution = resolution;
        CorrectedFactIds = string.Join(',', correctedFactIds);
        ResolvedAtUtcTicks = now.UtcTicks;
        ResolvedBy = actor;
    }
}
