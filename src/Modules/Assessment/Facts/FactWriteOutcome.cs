using Chuangji.Workflow.Assessment.Domain.Facts;
using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.Assessment.Facts;

internal enum FactWriteResult
{
    Recorded = 1,

    /// <summary>The request id was seen before with the same content: the original fact, counted once.</summary>
    Replayed = 2,

    /// <summary>The request id was seen before with other content: nothing written.</summary>
    Conflict = 3,
}

internal sealed record FactWriteOutcome(FactWriteResult Result, Fact Fact, IReadOnlyList<FieldViolation> Differences);
