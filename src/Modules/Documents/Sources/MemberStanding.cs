using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// A member's year as a college-wide tally reads it: where the cycle stands, and the standing of the scorecard of
/// record (the one frozen at the determination in force, the live one before), as <see cref="MemberOfRecord"/> has it.
/// </summary>
internal sealed record MemberStanding(CycleStanding Cycle, ScoreStanding Score)
{
    /// <summary>The rating of the determination in force, or null before the branch meeting has fixed it.</summary>
    public Rating? Determined => Cycle.DeterminedRating == Rating.Unspecified ? null : Cycle.DeterminedRating;
}
