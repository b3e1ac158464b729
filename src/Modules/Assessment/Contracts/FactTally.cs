namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>A member's facts in a period: all of them, and the thought reports (思想汇报) among them.</summary>
public sealed record FactTally(int Facts, int ThoughtReports);
