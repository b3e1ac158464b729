namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>One step of a cycle: who, when, which trigger, from and to, and why. Never changed once written.</summary>
internal sealed class CycleTransition
{
    public long Id { get; init; }

    public long CycleId { get; init; }

    public long AtUtcTicks { get; init; }

    public string Actor { get; init; } = string.Empty;

    public CycleTrigger Trigger { get; init; }

    public CycleStatus From { get; init; }

    public CycleStatus To { get; init; }

    public string Note { get; init; } = string.Empty;
}
