using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// Joins the year's cycles with the scorecards, both streamed in staff-number order, so a college of any size
/// passes through a document in bounded memory.
/// </summary>
/// <remarks>
/// The scorecards are scored in a scope of their own on another thread, at most <see cref="ScoredAhead"/> ahead of the
/// cycles read here: the two reads share nothing but the order, and a college's document then takes about the longer
/// of the two instead of their sum.
/// </remarks>
internal sealed class MembersOfRecord(IWorkflowRecords workflow, IServiceScopeFactory scopes, IAssessmentModule scoring, CollegeClock clock)
{
    /// <summary>Scorecards scored ahead of the cycles: two of the assessment module's chunks.</summary>
    private const int ScoredAhead = 1_000;

    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async IAsyncEnumerable<MemberOfRecord> ReadAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var asOf = clock.UtcNow;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scored = Channel.CreateBounded<Scorecard>(new BoundedChannelOptions(ScoredAhead) { SingleReader = true, SingleWriter = true });
        var scorer = ScoreAsync(year, branchCode, asOf, scored.Writer, stop.Token);
        try
        {
            await foreach (var member in JoinAsync(year, branchCode, asOf, scored.Reader.ReadAllAsync(stop.Token), cancellationToken))
            {
                yield return member;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await scorer;
        }
    }

    /// <summary>Scores the members into <paramref name="scored"/>, completing it with the error when scoring fails.</summary>
    private Task ScoreAsync(int year, string? branchCode, DateTimeOffset asOf, ChannelWriter<Scorecard> scored, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var assessment = scope.ServiceProvider.GetRequiredService<IAssessmentRecords>();
                    await foreach (var card in assessment.ScorecardsAsync(year, branchCode, asOf, cancellationToken))
                    {
                        await scored.WriteAsync(card, cancellationToken);
                    }

                    scored.Complete();
                }
                catch (Exception exception)
                {
                    scored.TryComplete(exception);
                }
            },
            CancellationToken.None);

    private async IAsyncEnumerable<MemberOfRecord> JoinAsync(
        int year, string? branchCode, DateTimeOffset asOf, IAsyncEnumerable<Scorecard> scorecards, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var live = scorecards.GetAsyncEnumerator(cancellationToken);
        bool? hasLive = null;
        await foreach (var cycle in workflow.CyclesAsync(year, branchCode, cancellationToken))
        {
            hasLive ??= await live.MoveNextAsync();
            while (hasLive == true && string.CompareOrdinal(live.Current.StaffNumber, cycle.StaffNumber) < 0)
            {
                hasLive = await live.MoveNextAsync();
            }

            var current = hasLive == true && live.Current.StaffNumber == cycle.StaffNumber ? live.Current : null;
            if (Frozen(cycle) is { } frozen)
            {
                yield return new MemberOfRecord(cycle, frozen);
            }
            else
            {
                // A member who has left keeps the cycle of the year; the roster's scorecards list only active members.
                current ??= Json.Parse<Scorecard>((await scoring.SnapshotScorecardAsync(cycle.StaffNumber, year, asOf, cancellationToken)).Json);
                yield return new MemberOfRecord(cycle, current);
            }
        }
    }

    /// <summary>One member's year, or null when the member has no cycle in it.</summary>
    public async Task<MemberOfRecord?> OneAsync(int year, string staffNumber, CancellationToken cancellationToken)
    {
        if (await workflow.CycleAsync(year, staffNumber, cancellationToken) is not { } cycle)
        {
            return null;
        }

        var scorecard = Frozen(cycle)
            ?? Json.Parse<Scorecard>((await scoring.SnapshotScorecardAsync(staffNumber, year, clock.UtcNow, cancellationToken)).Json);
        return new MemberOfRecord(cycle, scorecard);
    }

    private static Scorecard? Frozen(Cycle cycle) =>
        cycle.Determination is { Superseded: false, ScorecardSnapshotJson.Length: > 0 } determination
            ? Json.Parse<Scorecard>(determination.ScorecardSnapshotJson)
            : null;
}
