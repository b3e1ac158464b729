using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>What became of one row: the stored fact (new or the original of a retry) or the refusal.</summary>
internal sealed record RecordOutcome(int Row, FactWriteResult? Result, Fact? Fact, DomainException? Error);
