using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.Scorecards;

public sealed class ListScorecardsTests : AssessmentFixture
{
    [Fact]
    public async Task ListScorecards_WhenBranchHasMembers_RanksThemByTotalWithVetoedLast()
    {
        // Everyone lacks a first-half thought report (-3) unless given one.
        await RecordAsync("R2001", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-06-01");
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("T1002", "AWARD_DEPARTMENT", "2026-02-01");

        var response = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026 });

        response.Scorecards.Select(s => (s.Rank, s.Scorecard.StaffNumber, s.Scorecard.TotalScore)).Should().Equal(
            (1, "T1003", "100"),
            (2, "T1002", "99"),
            (3, "R2001", "100"));
        response.TotalSize.Should().Be(3);
        response.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task ListScorecards_WhenTotalsTie_SharesTheRankAndOrdersByStaffNumber()
    {
        var response = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026 });

        response.Scorecards.Select(s => (s.Rank, s.Scorecard.StaffNumber, s.Scorecard.TotalScore)).Should().Equal(
            (1, "R2001", "97"),
            (1, "T1002", "97"),
            (1, "T1003", "97"));
    }

    [Fact]
    public async Task ListScorecards_WhenPaged_KeepsTheMomentOfTheFirstPage()
    {
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        var first = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 2 });
        Service.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync("R2001", "AWARD_PROVINCIAL", "2026-11-25");

        var second = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 2, PageToken = first.NextPageToken });

        first.Scorecards.Select(s => s.Scorecard.StaffNumber).Should().Equal("T1003", "R2001");
        second.Scorecards.Should().ContainSingle().Which.Scorecard.StaffNumber.Should().Be("T1002");
        second.Scorecards[0].Rank.Should().Be(2);
        second.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task ListScorecards_WhenBranchIsUnknown_IsNotFoundNamingBranchCode()
    {
        var error = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B99", Year = 2026 }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("branch_code");
    }
}
