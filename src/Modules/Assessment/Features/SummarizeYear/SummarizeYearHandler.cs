using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;

/// <summary>
/// Scores every active member of the college for a year. The year's facts stream from the ledger in
/// member order, so memory holds one member's facts at a time, not the year's millions.
/// </summary>
internal sealed class SummarizeYearHandler(
    SqliteDatabase database, ScorecardSources sources, RubricBook rubrics, IMembersModule members, IAssessmentPeriods periods, CollegeClock clock)
{
    private const string FactsInMemberOrder =
        "SELECT MemberId, Id, Kind, OccurredOn, Count, PointsTenths, RecordedAtUtcTicks, RevokedAtUtcTicks " +
        "FROM assessment_facts WHERE Year = $year ORDER BY MemberId";

    public async Task<YearSummary> HandleAsync(int year, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var moment = asOf ?? clock.UtcNow;
        var rubric = await rubrics.GetAsOfAsync(year, moment, cancellationToken);
        var roster = (await members.ListMembersAsync(null, activeOnly: true, cancellationToken)).ToDictionary(m => m.MemberId);
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var tally = new RatingTally(rubric.Rubric);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);

        void Score(MemberSnapshot member, IEnumerable<ScoredFact> facts) =>
            tally.Add(sources.Score(member, rubric, moment, facts, bonusItems, closesOn).Scorecard);

        var scored = new HashSet<long>();
        await foreach (var (memberId, facts) in FactsByMemberAsync(year, cancellationToken))
        {
            if (roster.TryGetValue(memberId, out var member))
            {
                Score(member, facts);
                scored.Add(memberId);
            }
        }

        foreach (var member in roster.Values.Where(m => !scored.Contains(m.MemberId)))
        {
            Score(member, []);
        }

        return tally.Summary(year, rubric.Version, moment);
    }

    private async IAsyncEnumerable<(long MemberId, List<ScoredFact> Facts)> FactsByMemberAsync(
        int year, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = FactsInMemberOrder;
        command.Parameters.AddWithValue("$year", year);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var current = -1L;
        var facts = new List<ScoredFact>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var memberId = reader.GetInt64(0);
            if (memberId != current && facts.Count > 0)
            {
                yield return (current, facts);
                facts = [];
            }

            current = memberId;
            facts.Add(new ScoredFact(
                reader.GetInt64(1),
                reader.GetString(2),
                IsoDate.Parse(reader.GetString(3)),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5) / 10m,
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
                reader.IsDBNull(7) ? null : new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero)));
        }

        if (facts.Count > 0)
        {
            yield return (current, facts);
        }
    }
}
