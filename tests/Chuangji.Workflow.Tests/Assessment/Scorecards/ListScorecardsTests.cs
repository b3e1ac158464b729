using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
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
    public async Task ListScorecards_WhenBranchCodeIsEmpty_RanksTheWholeCollegeAsOne()
    {
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("T1003", "AWARD_DEPARTMENT", "2026-02-01");
        await RecordAsync("T2001", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("R2001", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-06-01");

        var response = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { Year = 2026 });

        response.Scorecards.Select(s => (s.Rank, s.Scorecard.StaffNumber, s.Scorecard.BranchCode, s.Scorecard.TotalScore)).Should().Equal(
            (1, "T1003", "B01", "102"),
            (2, "T2001", "B02", "100"),
            (3, "T1002", "B01", "97"),
            (4, "R2001", "B01", "100"));
        response.TotalSize.Should().Be(4);
        response.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task ListScorecards_WhenTheCollegeIsPaged_CrossesFromBranchToBranchKeepingRanksAndTheFirstMoment()
    {
        // T1003 alone has the first-half thought report; the other three tie at 97 across both branches.
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        var whole = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { Year = 2026 });

        var first = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { Year = 2026, PageSize = 3 });
        Service.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync("T2001", "AWARD_PROVINCIAL", "2026-11-25");
        var second = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { Year = 2026, PageSize = 3, PageToken = first.NextPageToken });

        var expected = new[] { (1, "T1003", "B01"), (2, "R2001", "B01"), (2, "T1002", "B01"), (2, "T2001", "B02") };
        whole.Scorecards.Select(s => (s.Rank, s.Scorecard.StaffNumber, s.Scorecard.BranchCode)).Should().Equal(expected);
        first.Scorecards.Concat(second.Scorecards).Select(s => (s.Rank, s.Scorecard.StaffNumber, s.Scorecard.BranchCode)).Should().Equal(expected,
            "the second page goes on from the last member shown into the next branch, scored as of the first page");
        second.Scorecards.Single().Scorecard.TotalScore.Should().Be("97", "the award came after the first page's moment");
        (first.TotalSize, second.TotalSize).Should().Be((4, 4));
        second.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task ListScorecards_WhenASecretaryLeavesBranchCodeEmpty_IsPermissionDeniedSayingWhy()
    {
        using var channel = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));
        var secretary = new AssessmentService.AssessmentServiceClient(channel);

        var error = await secretary.ListScorecardsAsync(new ListScorecardsRequest { Year = 2026 }).ShouldFailWith(StatusCode.PermissionDenied);

        error.Status.Detail.Should().Be("the secretary of branch B01 may not call chuangji.assessment.v1.AssessmentService/ListScorecards: " +
            "an empty branch_code asks for the whole college, and a secretary acts within branch B01 only");
        (await secretary.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026 })).TotalSize.Should().Be(3);
    }

    [Fact]
    public async Task ListScorecards_WhenBranchIsUnknown_IsNotFoundNamingBranchCode()
    {
        var error = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B99", Year = 2026 }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("branch_code");
    }

    [Fact]
    public async Task ListScorecards_WhenAMemberLeavesBetweenPages_SkipsNobody()
    {
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        var first = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 1 });
        await Members.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T1003", Status = Chuangji.Members.V1.MemberStatus.TransferredOut });

        var rest = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 5, PageToken = first.NextPageToken });

        first.Scorecards.Single().Scorecard.StaffNumber.Should().Be("T1003");
        rest.Scorecards.Select(s => s.Scorecard.StaffNumber).Should().Equal("R2001", "T1002");
    }
}
