using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Scorecards;

/// <summary>
/// What GetScorecard and ListScorecards both load (a member's facts, the approved bonus items) and
/// how they hand it to the pure <see cref="ScorecardCalculator"/>.
/// </summary>
internal sealed class ScorecardSources(AssessmentDbContext db, CollegeClock clock)
{
    public const int MemberChunk = 500;

    public MemberScorecard Score(
        MemberSnapshot member, YearRubric rubric, DateTimeOffset asOf, IEnumerable<ScoredFact> facts, IReadOnlyList<BranchBonusItem> bonusItems, DateOnly? periodClosesOn)
    {
        var input = new ScoringInput(rubric, (MemberCategory)(int)member.Category, asOf, clock.Zone, bonusItems, periodClosesOn);
        return new MemberScorecard(member, ScorecardCalculator.Calculate(input, facts));
    }

    /// <summary>The year's facts of at most <see cref="MemberChunk"/> members (callers score larger rosters a chunk at a time), in one query.</summary>
    public async Task<ILookup<long, ScoredFact>> FactsOfAsync(IReadOnlyList<long> memberIds, int year, CancellationToken cancellationToken)
    {
        var rows = await db.Facts.AsNoTracking()
            .Where(f => f.Year == year && memberIds.Contains(f.MemberId))
            .Select(f => new { f.MemberId, f.Id, f.Kind, f.OccurredOn, f.Count, f.PointsTenths, f.RecordedAtUtcTicks, f.RevokedAtUtcTicks })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(f => f.MemberId, f => new ScoredFact(
            f.Id,
            f.Kind,
            f.OccurredOn,
            f.Count,
            f.PointsTenths is { } tenths ? tenths / 10m : null,
            new DateTimeOffset(f.RecordedAtUtcTicks, TimeSpan.Zero),
            f.RevokedAtUtcTicks is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null));
    }

    /// <summary>
    /// Every approved item of the year, whatever the member's branch now: the branch was checked when
    /// the fact was registered, and a later transfer does not take earned points away.
    /// </summary>
    public async Task<IReadOnlyList<BranchBonusItem>> ApprovedBonusItemsAsync(int year, CancellationToken cancellationToken)
    {
        var items = await db.BonusItems.AsNoTracking()
            .Where(b => b.Year == year && b.Status == BonusItemStatus.Approved)
            .ToListAsync(cancellationToken);
        return items.Select(b => new BranchBonusItem(b.Code, b.Name, b.Points)).ToList();
    }
}
