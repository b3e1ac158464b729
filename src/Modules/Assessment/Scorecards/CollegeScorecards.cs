using System.Runtime.CompilerServices;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Scorecards;

/// <summary>
/// Every active member of the college scored for a year as GetScorecard scores them, in member-id order: the roster,
/// read a page at a time, joined with the year's facts, streamed in the same order. Memory holds one page of the roster
/// and one member's facts, however large the college.
/// </summary>
internal sealed class CollegeScorecards(YearFactsByMember yearFacts, ScorecardSources sources, IMembersModule members, IAssessmentPeriods periods)
{
    private const int RosterPage = 2_000;

    public async IAsyncEnumerable<MemberScorecard> ScoreAsync(int year, YearRubric rubric, DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        await using var facts = yearFacts.ReadAsync(year, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasFacts = await facts.MoveNextAsync();
        await foreach (var member in ActiveMembersAsync(cancellationToken))
        {
            // Facts of members no longer active are passed over.
            while (hasFacts && facts.Current.MemberId < member.MemberId)
            {
                hasFacts = await facts.MoveNextAsync();
            }

            IEnumerable<ScoredFact> own = hasFacts && facts.Current.MemberId == member.MemberId ? facts.Current.Facts : [];
            yield return sources.Score(member, rubric, asOf, own, bonusItems, closesOn);
        }
    }

    private async IAsyncEnumerable<MemberSnapshot> ActiveMembersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await members.ListActiveMembersAfterAsync(after, RosterPage, cancellationToken);
            foreach (var member in page)
            {
                yield return member;
            }

            if (page.Count < RosterPage)
            {
                yield break;
            }

            after = page[^1].MemberId;
        }
    }
}
