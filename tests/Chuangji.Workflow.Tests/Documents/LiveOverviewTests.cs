using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// The college overview before any determination, with the live scorecards: the documents college in mass review,
/// T2001 (B02's only member) transferred out after the year's cycles were made.
/// </summary>
public sealed class LiveOverviewTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
        await new MembersService.MembersServiceClient(_service.Channel).UpdateMemberAsync(
            new UpdateMemberRequest { StaffNumber = "T2001", Status = MemberStatus.TransferredOut });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Overview_RanksTheLiveScorecards_AndKeepsTheCycleOfAMemberWhoLeft()
    {
        var overview = await Download.FromGrpcAsync(
            new DocumentService.DocumentServiceClient(_service.Channel).GetCollegeOverview(new GetCollegeOverviewRequest { Year = 2026 }), r => r.Chunk);

        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        var ranking = ReadBack.Sheet(overview.Bytes, "全院排名");
        foreach (var staffNumber in new[] { "T1002", "T1003", "R2001", "T2001" })
        {
            var card = (await assessment.GetScorecardAsync(new GetScorecardRequest { Year = 2026, StaffNumber = staffNumber })).Scorecard;
            var line = ReadBack.RowWith(ranking, staffNumber);
            line[3..6].Should().Equal(card.Name, card.TotalScore, card.Veto is null ? card.SuggestedRatingName : "不合格（一票否决）");
            line.ElementAtOrDefault(6).Should().BeNullOrEmpty("nothing is determined yet");
        }

        // T2001 left B02 after its cycle was made: the cycle, and so the branch's member, stays in the year's counts.
        var branches = ReadBack.Sheet(overview.Bytes, "各支部概况");
        ReadBack.RowWith(branches, "B02")[2].Should().Be("1");
        ReadBack.RowWith(branches, "合计")[2].Should().Be("4");
    }
}
