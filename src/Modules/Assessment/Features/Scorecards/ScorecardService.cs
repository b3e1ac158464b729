using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.Scorecards;

/// <summary>Loads what a scorecard depends on and hands it to the pure <see cref="ScorecardCalculator"/>.</summary>
internal sealed class ScorecardService(AssessmentDbContext db, RubricBook rubrics, IMembersModule members, IAssessmentPeriods periods, CollegeClock clock)
{
    private const int MemberChunk = 500;

    public async Task<MemberScorecard> GetAsync(string staffNumber, int year, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Required(violations, "staff_number", staffNumber);
        violations.ThrowIfAny();
        var moment = asOf ?? clock.UtcNow;
        var rubric = await rubrics.GetAsOfAsync(year, moment, cancellationToken);
        var member = await members.FindMemberAsync(staffNumber, cancellationToken) ?? throw new NotFoundException("member", staffNumber, "staff_number");
        var facts = await FactsOfAsync([member.MemberId], year, cancellationToken);
        var bonusItems = await ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        return Score(member, rubric, moment, facts[member.MemberId], bonusItems, closesOn);
    }

    /// <summary>
    /// The active members of a branch, or of the whole college when <paramref name="branchCode"/> is empty,
    /// scored and ranked: vetoed members last, then by total, highest first. Facts are loaded and scored a
    /// chunk of members at a time, so only the scorecards are held, not the year's facts.
    /// </summary>
    public async Task<IReadOnlyList<RankedScorecard>> RankAsync(string branchCode, int year, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var college = branchCode.Length == 0;
        if (!college)
        {
            var violations = new Violations();
            Identifier.Required(violations, "branch_code", branchCode);
            violations.ThrowIfAny();
        }

        var rubric = await rubrics.GetAsOfAsync(year, asOf, cancellationToken);
        if (!college && !await members.BranchExistsAsync(branchCode, cancellationToken))
        {
            throw new NotFoundException("branch", branchCode, "branch_code");
        }

        var roster = await members.ListMembersAsync(college ? null : branchCode, activeOnly: true, cancellationToken);
        var bonusItems = await ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        var scored = new List<MemberScorecard>(roster.Count);
        foreach (var chunk in roster.Chunk(MemberChunk))
        {
            var facts = await FactsOfAsync(chunk.Select(m => m.MemberId).ToList(), year, cancellationToken);
            scored.AddRange(chunk.Select(m => Score(m, rubric, asOf, facts[m.MemberId], bonusItems, closesOn)));
        }

        return ScorecardRanking.Rank(scored);
    }

    private MemberScorecard Score(
        MemberSnapshot member, YearRubric rubric, DateTimeOffset asOf, IEnumerable<ScoredFact> facts, IReadOnlyList<BranchBonusItem> bonusItems, DateOnly? periodClosesOn)
    {
        var input = new ScoringInput(rubric, (MemberCategory)(int)member.Category, asOf, clock.Zone, bonusItems, periodClosesOn);
        return new MemberScorecard(member, ScorecardCalculator.Calculate(input, facts));
    }

    private async Task<ILookup<long, ScoredFact>> FactsOfAsync(IReadOnlyList<long> memberIds, int year, CancellationToken cancellationToken)
    {
        var all = new List<(long MemberId, ScoredFact Fact)>();
        foreach (var chunk in memberIds.Chunk(MemberChunk))
        {
            var rows = await db.Facts.AsNoTracking()
                .Where(f => f.Year == year && chunk.Contains(f.MemberId))
                .Select(f => new { f.MemberId, f.Id, f.Kind, f.OccurredOn, f.Count, f.PointsTenths, f.RecordedAtUtcTicks, f.RevokedAtUtcTicks })
                .ToListAsync(cancellationToken);
            all.AddRange(rows.Select(f => (f.MemberId, new ScoredFact(
                f.Id,
                f.Kind,
                f.OccurredOn,
                f.Count,
                f.PointsTenths is { } tenths ? tenths / 10m : null,
                new DateTimeOffset(f.RecordedAtUtcTicks, TimeSpan.Zero),
                f.RevokedAtUtcTicks is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null))));
        }

        return all.ToLookup(x => x.MemberId, x => x.Fact);
    }

    /// <summary>
    /// Every approved item of the year, whatever the member's branch now: the branch was checked when
    /// the fact was registered, and a later transfer does not take earned points away.
    /// </summary>
    private async Task<IReadOnlyList<BranchBonusItem>> ApprovedBonusItemsAsync(int year, CancellationToken cancellationToken)
    {
        var items = await db.BonusItems.AsNoTracking()
            .Where(b => b.Year == year && b.Status == BonusItemStatus.Approved)
            .ToListAsync(cancellationToken);
        return items.Select(b => new BranchBonusItem(b.Code, b.Name, b.Points)).ToList();
    }
}
