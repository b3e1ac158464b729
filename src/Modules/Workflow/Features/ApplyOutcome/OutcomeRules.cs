using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.ApplyOutcome;

/// <summary>What each rating requires of the outcome: a help plan for the lagging, a commendation only for the excellent.</summary>
internal static class OutcomeRules
{
    public static void Check(Rating rating, string commendation, string helpPlan)
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
