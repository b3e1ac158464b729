using Chuangji.Workflow.Modules.Assessment.Scorecards;

namespace Chuangji.Workflow.Modules.Assessment.Features.ListScorecards;

/// <summary>
/// Competition ranking (1, 2, 2, 4): a vetoed member is unqualified whatever the points, so all vetoed
/// members rank after the others; within each group, the higher total ranks first, ties share a rank,
/// and staff numbers order the tied.
/// </summary>
internal static class ScorecardRanking
{
    public static IReadOnlyList<RankedScorecard> Rank(IEnumerable<MemberScorecard> scorecards)
    {
        var ordered = scorecards
            .OrderBy(s => s.Scorecard.Veto is not null)
            .ThenByDescending(s => s.Scorecard.Total)
            .ThenBy(s => s.Member.StaffNumber, StringComparer.Ordinal)
            .ToList();

        var ranked = new List<RankedScorecard>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tiedWithPrevious = i > 0 && SameStanding(ordered[i], ordered[i - 1]);
            ranked.Add(new RankedScorecard(tiedWithPrevious ? ranked[i - 1].Rank : i + 1, ordered[i]));
        }

        return ranked;
    }

    private static bool SameStanding(MemberScorecard a, MemberScorecard b) =>
        (a.Scorecard.Veto is null) == (b.Scorecard.Veto is null) && a.Scorecard.Total == b.Scorecard.Total;
}
