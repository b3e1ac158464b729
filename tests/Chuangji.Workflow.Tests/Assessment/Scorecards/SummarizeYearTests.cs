using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.Scorecards;

public sealed class SummarizeYearTests : AssessmentFixture
{
    [Fact]
    public async Task SummarizeYear_WhenMembersHaveFacts_CountsEveryActiveMemberPerRating()
    {
        // Without a first-half thought report a member has 97; T1003 has one (100); R2001 is vetoed.
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-06-01");
        await RecordAsync("T2001", "DUES_LATE", "2026-03-01", count: 5);

        var summary = await Assessment.SummarizeYearAsync(new SummarizeYearRequest { Year = 2026 });

        // T2001: DISCIPLINE 16 - 25 - 3 floors at 0, so 84: QUALIFIED. Average (97 + 100 + 97 + 84) / 4 = 94.5.
        (summary.Members, summary.Vetoed, summary.AverageTotal, summary.RubricVersion).Should().Be((4, 1, "94.5", 1));
        summary.Ratings.Select(r => (r.Rating, r.Members)).Should().Equal(
            ("EXCELLENT", 2), ("QUALIFIED", 1), ("BASICALLY_QUALIFIED", 0), ("UNQUALIFIED", 1));
    }

    [Fact]
    public async Task SummarizeYear_WhenAMemberIsNoLongerActive_LeavesThemOut()
    {
        await new MembersService.MembersServiceClient(Service.Channel).UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T2001", Status = MemberStatus.TransferredOut });

        var summary = await Assessment.SummarizeYearAsync(new SummarizeYearRequest { Year = 2026 });

        summary.Members.Should().Be(3);
    }

    [Fact]
    public async Task SummarizeYear_WhenYearIsOutOfRange_IsInvalidArgumentNamingYear()
    {
        var error = await Assessment.SummarizeYearAsync(new SummarizeYearRequest { Year = 2101 }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("year");
    }
}
