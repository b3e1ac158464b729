using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Determine;

/// <summary>What the scorecard allows the branch meeting to decide.</summary>
internal static class RatingRules
{
    /// <summary>The ratings <see cref="Check"/> lets through for this scorecard, best first.</summary>
    public static IReadOnlyList<Rating> Permitted(ScorecardSnapshot scorecard) =>
        scorecard.Vetoed ? [Rating.Unqualified]
        : scorecard.SuggestedRating == "EXCELLENT" ? [Rating.Excellent, Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified]
        : [Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified];

    public static void Check(Rating rating, ScorecardSnapshot scorecard)
    {
        if (scorecard.Vetoed && rating != Rating.Unqualified)
        {
            throw new InvalidArgumentException("rating", "must be RATING_UNQUALIFIED: a veto fact makes the member unqualified whatever the points");
        }

        if (rating == Rating.Excellent && scorecard.SuggestedRating != "EXCELLENT")
        {
            throw new InvalidArgumentException("rating", $"RATING_EXCELLENT needs a scorecard that makes the member eligible; its total is {scorecard.Total} ({scorecard.SuggestedRating})");
        }
    }
}
