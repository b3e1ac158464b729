using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Advance;

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

    /// <summary>A stand-in cycle of this shape for the machine; declaration instants are placeholders, only their presence is read.</summary>
    public Cycle ToCycle()
    {
        var cycle = new Cycle
        {
            Status = Status,
            CommitmentMissing = CommitmentMissing,
            FirstHalfDeclaredAtUtcTicks = FirstHalfDeclared ? 0 : null,
            FirstHalfDeclarationMissing = FirstHalfDeclarationMissing,
            SecondHalfDeclaredAtUtcTicks = SecondHalfDeclared ? 0 : null,
            SecondHalfDeclarationMissing = SecondHalfDeclarationMissing,
            PublicityStartedAtUtcTicks = PublicityStartedAtUtcTicks,
            PublicityDays = PublicityDays,
        };
        if (HasOpenObjections)
        {
            cycle.AddObjection(new Objection { Status = ObjectionStatus.Open });
        }

        return cycle;
    }
}

/// <summary>One cycle in the scope of an advance: who, and its shape.</summary>
internal sealed record CycleRow(long Id, string StaffNumber, CycleShape Shape);
