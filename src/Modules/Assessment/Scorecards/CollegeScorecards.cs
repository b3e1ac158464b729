using System.Runtime.CompilerServices;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Scorecards;

/// <summary>
/// Every active member of the college scored for a year as GetScorecard scores them, in member-id order (the
/// ledger's), then the members without a fact: one pass over the year's facts, one member's facts in memory at a time.
/// </summary>
internal sealed class CollegeScorecards(YearFactsByMember yearFacts, ScorecardSources sources, IMembersModule members, IAssessmentPeriods periods)
{
    public async IAsyncEnumerable<MemberScorecard> ScoreAsync(int year, YearRubric rubric, DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var roster = (await members.ListMembersAsync(null, activeOnly: true, cancellationToken)).ToDictionary(m => m.MemberId);
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        var scored = new HashSet<long>();
        await foreach (var (memberId, facts) in yearFacts.ReadAsync(year, cancellationToken))
        {
            if (roster.TryGetValue(memberId, out var member))
            {
                scored.Add(memberId);
                yield return sources.Score(member, rubric, asOf, facts, bonusItems, closesOn);
            }
        }

        foreach (var member in roster.Values.Where(m => !scored.Contains(m.MemberId)))
        {
            yield return sources.Score(member, rubric, asOf, [], bonusItems, closesOn);
        }
    }
}
