using Chuangji.Assessment.V1;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// A member's year as the documents print it: the cycle, and the scorecard of record: the one frozen at the
/// determination in force once the branch meeting has fixed it (定绩), the live one before.
/// </summary>
internal sealed record MemberOfRecord(Cycle Cycle, Scorecard Scorecard)
{
    public Determination? Determination => DeterminationInForce.Of(Cycle);
}
