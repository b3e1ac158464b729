using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Features.ListScorecards;

internal sealed record ScorecardPage(IReadOnlyList<RankedScorecard> Scorecards, string NextPageToken, int TotalSize);

/// <summary>
/// Pages through the ranking of a branch, or of the whole college when the branch code is empty (the same
/// order and tokens: staff numbers are unique college-wide). The token holds the moment of the first page, so later pages
/// score the same facts, and the standing of the last member shown (vetoed, total, staff number), so
/// a member who leaves or joins between pages moves nobody else past the page boundary.
/// </summary>
internal sealed class ListScorecardsHandler(
    ScorecardSources sources, RubricBook rubrics, IMembersModule members, IAssessmentPeriods periods, CollegeClock clock)
{
    public async Task<ScorecardPage> HandleAsync(string branchCode, int year, DateTimeOffset? asOf, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var fingerprint = $"scorecards|{branchCode}|{year}|{asOf?.UtcTicks}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var position = page.After is { } after ? Position.Read(after) : null;
        var moment = position?.Moment ?? asOf ?? clock.UtcNow;
        var ranked = await RankAsync(branchCode, year, moment, cancellationToken);
        var start = position is null ? 0 : CountUpTo(ranked, position);
        var slice = ranked.Skip(start).Take(page.Size).ToList();
        var token = start + slice.Count < ranked.Count
            ? PageRequest.NextToken(Position.Of(slice[^1], moment).Write(), fingerprint)
            : string.Empty;
        return new ScorecardPage(slice, token, ranked.Count);
    }

    /// <summary>
    /// The active members of a branch, or of the whole college when <paramref name="branchCode"/> is empty,
    /// scored and ranked: vetoed members last, then by total, highest first. Facts are loaded and scored a
    /// chunk of members at a time, so only the scorecards are held, not the year's facts.
    /// </summary>
    private async Task<IReadOnlyList<RankedScorecard>> RankAsync(string branchCode, int year, DateTimeOffset asOf, CancellationToken cancellationToken)
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
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        var scored = new List<MemberScorecard>(roster.Count);
        foreach (var chunk in roster.Chunk(ScorecardSources.MemberChunk))
        {
            var facts = await sources.FactsOfAsync(chunk.Select(m => m.MemberId).ToList(), year, cancellationToken);
            scored.AddRange(chunk.Select(m => sources.Score(m, rubric, asOf, facts[m.MemberId], bonusItems, closesOn)));
        }

        return ScorecardRanking.Rank(scored);
    }

    private static int CountUpTo(IReadOnlyList<RankedScorecard> ranked, Position last)
    {
        var count = 0;
        while (count < ranked.Count && Position.Of(ranked[count], last.Moment).CompareTo(last) <= 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>A member's standing in the ranking order: vetoed last, then total descending, then staff number.</summary>
    private sealed record Position(DateTimeOffset Moment, bool Vetoed, decimal Total, string StaffNumber) : IComparable<Position>
    {
        public static Position Of(RankedScorecard entry, DateTimeOffset moment) =>
            new(moment, entry.Entry.Scorecard.Veto is not null, entry.Entry.Scorecard.Total, entry.Entry.Member.StaffNumber);

        public static Position Read(string text)
        {
            var parts = text.Split('|');
            if (parts.Length == 4
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && parts[1] is "0" or "1"
                && decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total))
            {
                return new Position(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1] == "1", total, parts[3]);
            }

            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        public string Write() => string.Join('|', Moment.UtcTicks.ToString(CultureInfo.InvariantCulture), Vetoed ? "1" : "0", Total.ToString(CultureInfo.InvariantCulture), StaffNumber);

        public int CompareTo(Position? other)
        {
            ArgumentNullException.ThrowIfNull(other);
            var byVeto = Vetoed.CompareTo(other.Vetoed);
            if (byVeto != 0)
            {
                return byVeto;
            }

            var byTotal = other.Total.CompareTo(Total);
            return byTotal != 0 ? byTotal : string.CompareOrdinal(StaffNumber, other.StaffNumber);
        }
    }
}
