namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>A member's objection to the posted result (亮绩), resolved by the branch.</summary>
internal sealed class Objection
{
    public long Id { get; set; }

    public long CycleId { get; set; }

    public string Content { get; set; } = string.Empty;

    public long RaisedAtUtcTicks { get; set; }

    public string RaisedBy { get; set; } = string.Empty;

    public ObjectionStatus Status { get; set; }

    public string Resolution { get; set; } = string.Empty;

    /// <summary>Comma-separated ids of the facts recorded or revoked to correct the score.</summary>
    public string CorrectedFactIds { get; set; } = string.Empty;

    public long? ResolvedAtUtcTicks { get; set; }

    public string ResolvedBy { get; set; } = string.Empty;
}
