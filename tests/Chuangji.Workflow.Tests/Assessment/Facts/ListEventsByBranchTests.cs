using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.Facts;

/// <summary>A secretary lists the branch's facts: those of the members now in the branch.</summary>
public sealed class ListEventsByBranchTests : AssessmentFixture
{
    [Fact]
    public async Task ListEvents_ByBranch_ListsTheFactsOfTheBranchsCurrentMembers()
    {
        var t1002 = await RecordAsync("T1002", "MEETING_LATE");
        var r2001 = await RecordAsync("R2001", "MEETING_LATE");
        var t2001 = await RecordAsync("T2001", "MEETING_LATE");

        (await FactsOfBranchAsync("B01")).Should().Equal(t1002.FactId, r2001.FactId);
        (await FactsOfBranchAsync("B02")).Should().Equal(t2001.FactId);

        await new MembersService.MembersServiceClient(Service.Channel).TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02", Note = "调动" });

        (await FactsOfBranchAsync("B01")).Should().Equal(r2001.FactId);
        (await FactsOfBranchAsync("B02")).Should().Equal(t1002.FactId, t2001.FactId);
    }

    [Fact]
    public async Task ListEvents_ByBranch_Pages_AndCombinesWithTheOtherFilters()
    {
        var first = await RecordAsync("T1002", "MEETING_LATE");
        var second = await RecordAsync("T1003", "DUES_LATE");
        await RecordAsync("T2001", "MEETING_LATE");

        var page = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01", PageSize = 1 });
        var rest = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01", PageSize = 1, PageToken = page.NextPageToken });
        var lateInB01 = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01", Kind = "MEETING_LATE" });

        page.Facts.Select(f => f.FactId).Should().Equal(first.FactId);
        rest.Facts.Select(f => f.FactId).Should().Equal(second.FactId);
        rest.NextPageToken.Should().BeEmpty();
        lateInB01.Facts.Select(f => f.FactId).Should().Equal(first.FactId);
    }

    [Fact]
    public async Task ListEvents_ByBranch_AsItsSecretary_IsAllowed_AndForAnotherBranchIsPermissionDenied()
    {
        var own = await RecordAsync("T1002", "MEETING_LATE");
        await RecordAsync("T2001", "MEETING_LATE");
        using var channel = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));
        var secretary = new AssessmentService.AssessmentServiceClient(channel);

        var b01 = await secretary.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01" });
        var b02 = await secretary.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B02" }).ShouldFailWith(StatusCode.PermissionDenied);
        await secretary.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B01", StaffNumber = "T2001" }).ShouldFailWith(StatusCode.PermissionDenied);

        b01.Facts.Select(f => f.FactId).Should().Equal(own.FactId);
        b02.Status.Detail.Should().EndWith("a secretary acts within branch B01, and this concerns branch B02");
    }

    [Fact]
    public async Task ListEvents_ByAnUnknownBranch_IsNotFoundNamingBranchCode()
    {
        var error = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = "B99" }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("branch_code");
    }

    private async Task<List<long>> FactsOfBranchAsync(string branchCode) =>
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, BranchCode = branchCode })).Facts.Select(f => f.FactId).ToList();
}
