using Chuangji.Audit.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.ListOpinions;

/// <summary>
/// 评绩 as the branch meeting reads it. In mass review from 2026-02-01: T1002 (B01) has a named and an
/// anonymous opinion, T1003 (B01) a named one, T2001 (B02) an anonymous one.
/// </summary>
public sealed class ListOpinionsTests : WorkflowFixture
{
    [Fact]
    public async Task ListOpinions_ShowsTheAuthorOfANamedOpinion_AndOfAnAnonymousOneNeitherAuthorNorAnythingFinerThanTheDay()
    {
        await InMassReviewWithOpinionsAsync();
        using var channel = ChannelAs(CallerRole.Secretary, "T1001", "B01");

        var opinions = (await new WorkflowService.WorkflowServiceClient(channel).ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1002" })).Opinions;

        opinions.Select(o => (o.StaffNumber, o.Channel, o.Content, o.ReceivedOn, o.Anonymous, o.Author)).Should().Equal(
            ("T1002", OpinionChannel.Forum, "备课认真", "2026-02-01", false, "学生代表"),
            ("T1002", OpinionChannel.SuggestionBox, "希望多辅导", "2026-02-01", true, string.Empty));
        opinions.Select(o => o.OpinionId).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        Opinion.Descriptor.Fields.InDeclarationOrder().Should().NotContain(f => f.FieldType == FieldType.Message, "an opinion carries its day as a date, never an instant");
    }

    [Fact]
    public async Task ListOpinions_ByBranch_HasTheBranchsMembers_AndByMember_OnlyThatMember()
    {
        await InMassReviewWithOpinionsAsync();

        var b01 = (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" })).Opinions;
        var b02 = (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B02" })).Opinions;
        var t1003 = (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1003" })).Opinions;

        b01.Select(o => (o.StaffNumber, o.Content)).Should().Equal(("T1002", "备课认真"), ("T1002", "希望多辅导"), ("T1003", "作风扎实"));
        b02.Select(o => (o.StaffNumber, o.Content, o.Author)).Should().Equal(("T2001", "很负责", string.Empty));
        t1003.Select(o => o.Content).Should().Equal("作风扎实");
    }

    [Fact]
    public async Task ListOpinions_ByBranch_FollowsAMemberTransferredToAnotherBranch()
    {
        await InMassReviewWithOpinionsAsync();

        await Members.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1003", ToBranchCode = "B02", Note = "调动" });

        (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" })).Opinions.Select(o => o.StaffNumber).Should().Equal("T1002", "T1002");
        (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B02" })).Opinions.Select(o => o.StaffNumber).Should().Equal("T1003", "T2001");
    }

    [Fact]
    public async Task ListOpinions_PagesOldestFirst_AndATokenIsBoundToItsFilters()
    {
        await InMassReviewWithOpinionsAsync();

        var first = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01", PageSize = 2 });
        var second = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01", PageSize = 2, PageToken = first.NextPageToken });
        var otherFilter = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1002", PageToken = first.NextPageToken })
            .ShouldFailWith(StatusCode.InvalidArgument);

        first.Opinions.Select(o => o.Content).Should().Equal("备课认真", "希望多辅导");
        first.NextPageToken.Should().NotBeEmpty();
        second.Opinions.Select(o => o.Content).Should().Equal("作风扎实");
        second.NextPageToken.Should().BeEmpty();
        otherFilter.ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task ListOpinions_AsAnotherBranchsSecretary_IsPermissionDenied_ByMemberAndByBranch()
    {
        await InMassReviewWithOpinionsAsync();
        using var channel = ChannelAs(CallerRole.Secretary, "T1001", "B01");
        var secretary = new WorkflowService.WorkflowServiceClient(channel);

        await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T2001" }).ShouldFailWith(StatusCode.PermissionDenied);
        await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B02" }).ShouldFailWith(StatusCode.PermissionDenied);
        var mixed = await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T2001", BranchCode = "B01" }).ShouldFailWith(StatusCode.PermissionDenied);

        mixed.Status.Detail.Should().Contain("this concerns branch B02");
        (await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" })).Opinions.Should().HaveCount(3);
    }

    [Fact]
    public async Task ListOpinions_AsAMember_IsPermissionDenied_AboutThemselvesAndAboutOthers()
    {
        await InMassReviewWithOpinionsAsync();
        using var channel = ChannelAs(CallerRole.Member, "T1002");
        var member = new WorkflowService.WorkflowServiceClient(channel);

        var own = await member.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1002" }).ShouldFailWith(StatusCode.PermissionDenied);
        await member.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1003" }).ShouldFailWith(StatusCode.PermissionDenied);
        await member.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" }).ShouldFailWith(StatusCode.PermissionDenied);

        own.Status.Detail.Should().Be("member T1002 may not call chuangji.workflow.v1.WorkflowService/ListOpinions: the role may not call it");
    }

    [Fact]
    public async Task ListOpinions_AsTheSystemThatSubmitsThem_IsPermissionDenied()
    {
        await InMassReviewWithOpinionsAsync();
        using var channel = ChannelAs(CallerRole.System, "suggestion-box", scopes: [SystemScopes.Opinions]);

        var error = await new WorkflowService.WorkflowServiceClient(channel).ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" })
            .ShouldFailWith(StatusCode.PermissionDenied);

        error.Status.Detail.Should().EndWith("no campus system may call it");
    }

    [Fact]
    public async Task ListOpinions_WhenTheMemberOrTheBranchIsUnknown_IsNotFoundNamingTheField()
    {
        await OpenAsync();

        var member = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T9999" }).ShouldFailWith(StatusCode.NotFound);
        var branch = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B99" }).ShouldFailWith(StatusCode.NotFound);

        member.ViolatedFields().Should().Equal("staff_number");
        branch.ViolatedFields().Should().Equal("branch_code");
    }

    [Fact]
    public async Task ListOpinions_WithNeitherOrBothFilters_IsInvalidArgumentNamingBoth()
    {
        await OpenAsync();

        var neither = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026 }).ShouldFailWith(StatusCode.InvalidArgument);
        var both = await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1002", BranchCode = "B01" }).ShouldFailWith(StatusCode.InvalidArgument);

        neither.ViolatedFields().Should().Equal("staff_number", "branch_code");
        both.ViolatedFields().Should().Equal("staff_number", "branch_code");
    }

    [Fact]
    public async Task ListOpinions_LeavesNoRecordInTheAudit()
    {
        await InMassReviewWithOpinionsAsync();
        using var channel = ChannelAs(CallerRole.Secretary, "T1001", "B01");
        var secretary = new WorkflowService.WorkflowServiceClient(channel);

        await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, StaffNumber = "T1002" });
        await secretary.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" });

        var records = (await new AuditService.AuditServiceClient(Service.Channel).ListAuditAsync(new ListAuditRequest())).Records;
        records.Should().NotContain(r => r.Rpc.EndsWith("/ListOpinions", StringComparison.Ordinal) || r.Actor == "T1001");
    }

    private async Task InMassReviewWithOpinionsAsync()
    {
        await OpenAsync();
        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);
        await OpinionAsync("T1002", OpinionChannel.Forum, "备课认真", "学生代表");
        await OpinionAsync("T1002", OpinionChannel.SuggestionBox, "希望多辅导");
        await OpinionAsync("T1003", OpinionChannel.Symposium, "作风扎实", "教师代表");
        await OpinionAsync("T2001", OpinionChannel.Online, "很负责");
    }

    private Task<SubmitOpinionResponse> OpinionAsync(string staffNumber, OpinionChannel channel, string content, string author = "") =>
        Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = staffNumber, Channel = channel, Content = content, Author = author, Anonymous = author.Length == 0,
            RequestId = $"{staffNumber}-{content}",
        }).ResponseAsync;
}
