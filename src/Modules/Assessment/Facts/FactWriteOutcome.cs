using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;

namespace Chuangji.Workflow.Modules.Assessment.Facts;

internal enum FactWriteResult
{
    Recorded = 1,

    /// <summary>The request id was seen before with the same content: the original fact, counted once.</summary>
    Replayed = 2,

    /// <summary>The request id was seen before with other content: nothing written.</summary>
    Conflict = 3,

    /// <summary>The year's table changed after the fact was checked against it: nothing written.</summary>
    StaleRubric = 4,
}

/// <summary>What became of one fact; <see cref="Fact"/> is null only for <see cref="FactWriteResult.StaleRubric"/>.</summary>
internal sealed record FactWriteOutcome(FactWriteResult Result, Fact? Fact, IReadOnlyList<FieldViolation> Differences, int CurrentRubricVersion = 0);
