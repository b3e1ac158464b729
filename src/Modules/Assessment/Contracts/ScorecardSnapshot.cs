namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>A scorecard frozen for the member's file: the JSON, and what a determination checks against.</summary>
public sealed record ScorecardSnapshot(string Json, decimal Total, string SuggestedRating, bool Vetoed, int RubricVersion);
