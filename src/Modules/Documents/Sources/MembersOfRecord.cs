using System.Runtime.CompilerServices;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;
using Google.Protobuf;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// Joins the year's cycles with the scorecards, both streamed in staff-number order, so a college of any size
/// passes through a document in bounded memory.
/// </summary>
internal sealed class MembersOfRecord(IWorkflowRecords workflow, IAssessmentRecords assessment, IAssessmentModule scoring, CollegeClock clock)
{
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async IAsyncEnumerable<MemberOfRecord> ReadAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var asOf = clock.UtcNow;
        await using var live = assessment.ScorecardsAsync(year, branchCode, asOf, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasLive = await live.MoveNextAsync();
        await foreach (var cycle in workflow.CyclesAsync(year, branchCode, cancellationToken))
        {
            while (hasLive && string.CompareOrdinal(live.Current.StaffNumber, cycle.StaffNumber) < 0)
            {
                hasLive = await live.MoveNextAsync();
            }

            var current = hasLive && live.Current.StaffNumber == cycle.StaffNumber ? live.Current : null;
            if (Frozen(cycle) is { } frozen)
            {
                yield return new MemberOfRecord(cycle, frozen, true);
            }
            else
            {
                // A member who has left keeps the cycle of the year; the roster's scorecards list only active members.
                current ??= Json.Parse<Scorecard>((await scoring.SnapshotScorecardAsync(cycle.StaffNumber, year, asOf, cancellationToken)).Json);
                yield return new MemberOfRecord(cycle, current, false);
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
        return new MemberOfRecord(cycle, scorecard, cycle.Determination is { Superseded: false, ScorecardSnapshotJson.Length: > 0 });
    }

    private static Scorecard? Frozen(Cycle cycle) =>
        cycle.Determination is { Superseded: false, ScorecardSnapshotJson.Length: > 0 } determination
            ? Json.Parse<Scorecard>(determination.ScorecardSnapshotJson)
            : null;
}
