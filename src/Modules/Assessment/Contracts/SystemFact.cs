namespace Chuangji.Workflow.Modules.Assessment.Contracts;

public sealed record SystemFact(string StaffNumber, string Kind, DateOnly OccurredOn, string Note, string RecordedBy, string RequestId);

/// <summary>The fact stored (new or the original of a retry), or why it was refused.</summary>
public sealed record SystemFactOutcome(string RequestId, long? FactId, string? Refusal);
