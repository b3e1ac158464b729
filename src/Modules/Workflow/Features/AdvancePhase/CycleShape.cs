using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

/// <summary>
/// Everything a phase-closing step reads of a cycle and everything it may change. Cycles of one shape
/// take the step identically, so the machine is asked once per shape, not once per member.
/// </summary>
internal sealed record CycleShape(
    CycleStatus Status,
    bool CommitmentMissing,
    bool FirstHalfDeclared,
    bool FirstHalfDeclarationMissing,
    bool SecondHalfDeclared,
    bool SecondHalfDeclarationMissing,
    long? PublicityStartedAtUtcTicks,
    int PublicityDays,
    bool HasOpenObjections)
{
    public static CycleShape Of(Cycle cycle) => new(
        cycle.Status,
        cycle.CommitmentMissing,
        cycle.FirstHalfDeclaredAtUtcTicks is not null,
        cycle.FirstHalfDeclarationMissing,
        cycle.SecondHalfDeclaredAtUtcTicks is not null,
        cycle.SecondHalfDeclarationMissing,
        cycle.PublicityStartedAtUtcTicks,
        cycle.PublicityDays,
        cycle.HasOpenObjections);

    /// <summary>A stand-in cycle of this shape for the machine and the step (<see cref="Cycle.StandIn"/>).</summary>
    public Cycle ToCycle() => Cycle.StandIn(
        Status,
        CommitmentMissing,
        FirstHalfDeclared,
        FirstHalfDeclarationMissing,
        SecondHalfDeclared,
        SecondHalfDeclarationMissing,
        PublicityStartedAtUtcTicks,
        PublicityDays,
        HasOpenObjections);
}

/// <summary>One cycle in the scope of an advance: who, and its shape.</summary>
internal sealed record CycleRow(long Id, string StaffNumber, CycleShape Shape);
