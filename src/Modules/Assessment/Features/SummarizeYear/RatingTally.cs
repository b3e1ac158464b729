using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;

namespace Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;

/// <summary>Counts scorecards per suggested rating without keeping them.</summary>
internal sealed class RatingTally(Rubric rubric)
{
    private readonly Dictionary<string, int> _byRating = new(StringComparer.Ordinal);
    private int _members;
    private int _vetoed;
    private decimal _totals;

    public void Add(Scorecard card)
    {
        _members++;
        _totals += card.Total;
        _vetoed += card.Veto is null ? 0 : 1;
        _byRating[card.Rating.Rating] = _byRating.GetValueOrDefault(card.Rating.Rating) + 1;
    }

    public YearSummary Summary(int year, int rubricVersion, DateTimeOffset asOf) => new(
        year,
        rubricVersion,
        asOf,
        _members,
        _vetoed,
        _members == 0 ? 0m : Math.Round(_totals / _members, 2, MidpointRounding.AwayFromZero),
        rubric.RatingBands.OrderByDescending(b => b.MinTotal)
            .Select(b => new RatingCount(b.Rating, b.Name, _byRating.GetValueOrDefault(b.Rating)))
            .ToList());
}
