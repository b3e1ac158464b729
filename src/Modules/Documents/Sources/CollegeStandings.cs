using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// Every cycle of the year with the standing of its scorecard of record, for documents that tally the college rather
/// than print its members' lines. The college is scored (in a scope of its own, on another thread) while the cycles
/// are read; the two meet by staff number, so what is held is a standing per member, never a scorecard's lines.
/// </summary>
internal sealed class CollegeStandings(IWorkflowRecords workflow, IServiceScopeFactory scopes, IAssessmentModule scoring, CollegeClock clock)
{
    public async IAsyncEnumerable<MemberStanding> ReadAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var asOf = clock.UtcNow;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scored = Task.Run(() => ScoreAsync(year, asOf, stop.Token), CancellationToken.None);
        try
        {
            List<CycleStanding> cycles = [];
            await foreach (var cycle in workflow.StandingsAsync(year, null, cancellationToken))
            {
                cycles.Add(cycle);
            }

            var live = await scored;
            foreach (var cycle in cycles)
            {
                yield return new MemberStanding(cycle, await ScoreOfRecordAsync(cycle, live, year, asOf, cancellationToken));
            }
        }
        finally
        {
            // A reader that stops early, or a failed cycle read, must not leave the college being scored behind it.
            await stop.CancelAsync();
            await Task.WhenAny(scored);
        }
    }

    private async Task<ScoreStanding> ScoreOfRecordAsync(
        CycleStanding cycle, Dictionary<string, ScoreStanding> live, int year, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (cycle.FrozenScorecardJson.Length > 0)
        {
            return ScorecardJsonStanding.Read(cycle.FrozenScorecardJson);
        }

        if (live.TryGetValue(cycle.StaffNumber, out var standing))
        {
            return standing;
        }

        // A member who has left keeps the cycle of the year; the college's standings are its active members'.
        return ScorecardJsonStanding.Read((await scoring.SnapshotScorecardAsync(cycle.StaffNumber, year, asOf, cancellationToken)).Json);
    }

    private async Task<Dictionary<string, ScoreStanding>> ScoreAsync(int year, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var assessment = scope.ServiceProvider.GetRequiredService<IAssessmentRecords>();
        var standings = new Dictionary<string, ScoreStanding>(StringComparer.Ordinal);
        await foreach (var standing in assessment.StandingsAsync(year, asOf, cancellationToken))
        {
            standings[standing.StaffNumber] = standing;
        }

        return standings;
    }
}
