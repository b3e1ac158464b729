using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Scoring;

namespace Chuangji.Workflow.Modules.Assessment.Scorecards;

/// <summary>
/// The year's facts streamed from the ledger in member order, one member's facts at a time: what college-wide
/// scoring reads, in one query and bounded memory however many facts the year holds.
/// </summary>
internal sealed class YearFactsByMember(ServiceDatabase database)
{
    private readonly string _factsInMemberOrder =
        "SELECT \"MemberId\", \"Id\", \"Kind\", \"OccurredOn\", \"Count\", \"PointsTenths\", \"RecordedAtUtcTicks\", \"RevokedAtUtcTicks\" " +
        $"FROM {database.Table(AssessmentDbContext.Schema, AssessmentDbContext.FactsTable)} WHERE \"Year\" = @year ORDER BY \"MemberId\"";

    public async IAsyncEnumerable<(long MemberId, List<ScoredFact> Facts)> ReadAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = _factsInMemberOrder;
        command.With("@year", year);
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
                reader.GetFieldValue<DateOnly>(3),
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
