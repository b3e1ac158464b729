using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Determine;

/// <summary>
/// 定绩: the branch meeting's rating with its peer-review summary and the secretary's comment. The
/// scorecard is frozen as it stands (later facts never change it) and the year's table is locked.
/// 优秀 only when the scorecard makes the member eligible; always 不合格 when vetoed.
/// </summary>
internal sealed class DetermineHandler(CycleStore store, IAssessmentModule assessment, CollegeClock clock)
{
    public async Task<Cycle> HandleAsync(StepInput input, int rating, string peerReviewSummary, string secretaryComment, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var actor = input.ValidActor(violations);
        if (!Enum.IsDefined((Rating)rating))
        {
            violations.Add("rating", "must be RATING_EXCELLENT, RATING_QUALIFIED, RATING_BASICALLY_QUALIFIED or RATING_UNQUALIFIED");
        }

        var summary = StepInput.Text(violations, "peer_review_summary", peerReviewSummary, required: true);
        var comment = StepInput.Text(violations, "secretary_comment", secretaryComment, required: true);
        violations.ThrowIfAny();

        var cycle = await store.CycleAsync(input.Year, input.StaffNumber, cancellationToken);
        CycleStore.EnsureVersion(cycle, input.ExpectedVersion);
        var now = clock.UtcNow;
        cycle.EnsurePermits(CycleTrigger.Determine, now);

        var snapshot = await assessment.SnapshotScorecardAsync(cycle.StaffNumber, cycle.Year, now, cancellationToken);
        RatingRules.Check((Rating)rating, snapshot);
        await assessment.LockRubricAsync(cycle.Year, cancellationToken);
        cycle.Determine(
            new DeterminationRecord
            {
                Rating = (Rating)rating,
                PeerReviewSummary = summary,
                SecretaryComment = comment,
                DeterminedAtUtcTicks = now.UtcTicks,
                DeterminedBy = actor,
                ScorecardSnapshotJson = snapshot.Json,
                TotalScore = snapshot.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            actor,
            now);
        await store.SaveAsync(cycle, cancellationToken);
        return cycle;
    }
}
