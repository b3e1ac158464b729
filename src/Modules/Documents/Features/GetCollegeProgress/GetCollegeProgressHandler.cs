using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Members.Contracts;
using StateCount = Chuangji.Workflow.V1.StateCount;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Modules.Documents.Features.GetCollegeProgress;

/// <summary>
/// Every branch's progress as figures, for the leadership group's page: the same tallies as the overview's branch
/// table (<see cref="CollegeTally"/>), from the same standings, so the page and the workbook never disagree.
/// </summary>
internal sealed class GetCollegeProgressHandler(YearDocuments years, CollegeStandings standings, IMembersModule members, CollegeClock clock)
{
    public async Task<GetCollegeProgressResponse> HandleAsync(GetCollegeProgressRequest request, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(request.Year, cancellationToken);
        var asOf = clock.UtcNow;
        var branches = await members.ListBranchesAsync(cancellationToken);
        var college = await CollegeTally.CountAsync(branches, standings.ReadAsync(request.Year, cancellationToken), null, cancellationToken);
        var response = new GetCollegeProgressResponse { College = Progress(string.Empty, "全院", college.All), AsOf = Timestamp.FromDateTimeOffset(asOf) };
        response.Branches.AddRange(college.Branches.Select(b => Progress(b.Code, b.Name, b.Tally)));
        return response;
    }

    private static BranchProgress Progress(string code, string name, BranchTally tally)
    {
        var progress = new BranchProgress
        {
            BranchCode = code,
            Name = name,
            Members = tally.Members,
            Committed = tally.Committed,
            CommitmentsMissing = tally.CommitmentsMissing,
            FirstHalfDeclared = tally.FirstHalfDeclared,
            FirstHalfMissing = tally.FirstHalfMissing,
            SecondHalfDeclared = tally.SecondHalfDeclared,
            SecondHalfMissing = tally.SecondHalfMissing,
            AverageTotal = tally.AverageTotal,
        };
        progress.Cycles.AddRange(BranchTally.Phases.Select(p => new StateCount { State = p, Cycles = tally.InPhase(p) }));

        // The suggested bands are named as the scorecard names them, in the order of the ratings.
        progress.Suggested.AddRange(BranchTally.Ratings.Select((r, i) => new RatingTally { Rating = r, Members = tally.Suggested(BranchTally.SuggestedBands[i]) }));
        progress.Determined.AddRange(BranchTally.Ratings.Select(r => new RatingTally { Rating = r, Members = tally.Determined(r) }));
        return progress;
    }
}
