namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>One step of a cycle: who, when, which trigger, from and to, and why. Never changed once written.</summary>
internal sealed class CycleTransition
{
    public long Id { get; set; }

    public long CycleId { get; set; }

    public long AtUtcTicks { get; set; }

    public string Actor { get; set; } = string.Empty;

    public CycleTrigger Trigger { get; set; }

    public CycleStatus From { get; set; }

    public CycleStatus To { get; set; }

    public string Note { get; set; } = string.Empty;
}
