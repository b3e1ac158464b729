using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scorecards;

namespace Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;

/// <summary>
/// Scores every active member of the college for a year. The roster (a page at a time) and the year's facts stream
/// in member order, so memory holds one member's facts at a time, not the year's millions, nor the whole roster.
/// </summary>
internal sealed class SummarizeYearHandler(CollegeScorecards college, RubricBook rubrics, CollegeClock clock)
{
    public async Task<YearSummary> HandleAsync(int year, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var moment = asOf ?? clock.UtcNow;
        var rubric = await rubrics.GetAsOfAsync(year, moment, cancellationToken);
        var tally = new RatingTally(rubric.Rubric);
        await foreach (var entry in college.ScoreAsync(year, rubric, moment, cancellationToken))
        {
            tally.Add(entry.Scorecard);
        }

        return tally.Summary(year, rubric.Version, moment);
    }
}
