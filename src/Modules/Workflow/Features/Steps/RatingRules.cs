using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Steps;

/// <summary>What the scorecard allows the branch meeting to decide, and what each rating then requires.</summary>
internal static class RatingRules
{
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

    public static void CheckOutcome(Rating rating, string commendation, string helpPlan)
    {
        if (rating is Rating.BasicallyQualified or Rating.Unqualified && helpPlan.Length == 0)
        {
            throw new InvalidArgumentException("help_plan", "is required for members rated RATING_BASICALLY_QUALIFIED or RATING_UNQUALIFIED (帮扶)");
        }

        if (rating != Rating.Excellent && commendation.Length > 0)
        {
            throw new InvalidArgumentException("commendation", "is only for members rated RATING_EXCELLENT");
        }
    }
}
