using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Time;

namespace Chuangji.Workflow.Assessment.Features.Scorecards;

internal sealed record ScorecardPage(IReadOnlyList<RankedScorecard> Scorecards, string NextPageToken, int TotalSize);

/// <summary>
/// Pages through a branch's ranking. The moment of the first page travels in the token, so later
/// pages rank by the same facts even when new ones are registered in between.
/// </summary>
internal sealed class ListScorecardsHandler(ScorecardService scorecards, CollegeClock clock)
{
    public async Task<ScorecardPage> HandleAsync(string branchCode, int year, DateTimeOffset? asOf, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var fingerprint = $"scorecards|{branchCode}|{year}|{asOf?.UtcTicks}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var (offset, moment) = page.After is { } after ? ReadPosition(after) : (0, asOf ?? clock.UtcNow);
        var ranked = await scorecards.RankBranchAsync(branchCode, year, moment, cancellationToken);
        var slice = ranked.Skip(offset).Take(page.Size).ToList();
        var next = offset + slice.Count;
        var token = next < ranked.Count ? PageRequest.NextToken($"{next}:{moment.UtcTicks}", fingerprint) : string.Empty;
        return new ScorecardPage(slice, token, ranked.Count);
    }

    private static (int Offset, DateTimeOffset Moment) ReadPosition(string after)
    {
        var parts = after.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            return (offset, new DateTimeOffset(ticks, TimeSpan.Zero));
        }

        throw new InvalidArgumentException("page_token", "is not a token this service issued");
    }
}
