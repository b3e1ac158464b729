using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.Determine;

namespace Chuangji.Workflow.Modules.Workflow.Features.GetCycle;

/// <summary>
/// One member's cycle, made on first sight for an active member of an open year (CycleStore); while the meeting may
/// determine it (and the caller may), with the ratings its scorecard allows now, by the rules Determine checks (RatingRules).
/// </summary>
internal sealed class GetCycleHandler(CycleStore store, IAssessmentModule assessment, CollegeClock clock)
{
    public async Task<CycleView> HandleAsync(int year, string staffNumber, CancellationToken cancellationToken)
    {
        var cycle = await store.CycleAsync(year, staffNumber, cancellationToken);
        var now = clock.UtcNow;
        // Permitted for this caller: a member reading their own cycle may not determine it, so is offered nothing.
        if (!cycle.PermittedActions(now).Contains(CycleActions.Of(CycleTrigger.Determine)))
        {
            return new CycleView(cycle, now, []);
        }

        var scorecard = await assessment.SnapshotScorecardAsync(staffNumber, year, now, cancellationToken);
        return new CycleView(cycle, now, RatingRules.Permitted(scorecard));
    }
}

/// <summary>A cycle as read at <paramref name="AsOf"/>, with the ratings the meeting may give it then (none unless Determine is permitted).</summary>
internal sealed record CycleView(Cycle Cycle, DateTimeOffset AsOf, IReadOnlyList<Rating> DeterminableRatings);
