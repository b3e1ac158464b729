using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;

namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>What became of one row: the stored fact (new or the original of a retry) or the refusal.</summary>
internal sealed record RecordOutcome(int Row, FactWriteResult? Result, Fact? Fact, DomainException? Error);
