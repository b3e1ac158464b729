namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>
/// A member's place in the year's scoring without the lines that explain it: what a college-wide tally or ranking
/// reads of each of thousands of scorecards. The figures are the scorecard's own: <see cref="TotalScore"/> is its
/// <c>total_score</c> text, <see cref="SuggestedRatingName"/> its <c>suggested_rating_name</c>.
/// </summary>
public sealed record ScoreStanding(string StaffNumber, string Name, string BranchCode, decimal Total, string TotalScore, bool Vetoed, string SuggestedRatingName);
