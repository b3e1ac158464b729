using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Contracts;

/// <summary>
/// A member's cycle as a college-wide tally reads it: where it stands and what is made or missing, without its
/// history, texts or objections. The flags are the <see cref="Cycle"/> message's own (a commitment made is a non-empty
/// <c>commitment</c>, a half declared is a <c>declarations</c> entry); <see cref="DeterminedRating"/> and
/// <see cref="FrozenScorecardJson"/> are those of the determination in force, unspecified and empty without one.
/// </summary>
public sealed record CycleStanding(
    string StaffNumber,
    string BranchCode,
    CycleState State,
    bool Committed,
    bool CommitmentMissing,
    bool FirstHalfDeclared,
    bool FirstHalfDeclarationMissing,
    bool SecondHalfDeclared,
    bool SecondHalfDeclarationMissing,
    Rating DeterminedRating,
    string FrozenScorecardJson);
