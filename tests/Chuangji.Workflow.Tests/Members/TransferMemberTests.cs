using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

public sealed class TransferMemberTests : IAsyncLifetime
{
    private TestService _service = null!;
    private MembersService.MembersServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _client = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01", "B02", "B03");
        await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", "B01") });
        _service.Time.Advance(TimeSpan.FromDays(10));
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task TransferMember_WhenMoved_KeepsWhereAndFromWhenItBelonged()
    {
        var first = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02", EffectiveOn = "2026-12-01", Note = "岗位调整" });
        var second = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B03" });

        first.Transferred.Should().BeTrue();
        second.Member.BranchCode.Should().Be("B03");
        second.Member.Version.Should().Be(3);
        second.Member.BranchHistory.Select(h => (h.BranchCode, h.FromDate, h.UntilDate, h.Note)).Should().Equal(
            ("B01", "2026-11-25", "2026-12-01", "registered"),
            ("B02", "2026-12-01", "2026-12-05", "岗位调整"),
            ("B03", "2026-12-05", "", ""));
        (await _client.ListMembersAsync(new ListMembersRequest { BranchCode = "B01" })).Members.Should().BeEmpty();
        (await _client.ListMembersAsync(new ListMembersRequest { BranchCode = "B03" })).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task TransferMember_WhenRetried_ChangesNothingTheSecondTime()
    {
        var request = new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02", EffectiveOn = "2026-12-01" };
        await _client.TransferMemberAsync(request);

        var retry = await _client.TransferMemberAsync(request);

        retry.Transferred.Should().BeFalse();
        retry.Member.BranchHistory.Should().HaveCount(2);
        retry.Member.Version.Should().Be(2);
    }

    [Fact]
    public async Task TransferMember_WhenAlreadyInTheBranchFromAnotherDate_IsFailedPreconditionNamingTheState()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B01", EffectiveOn = "2026-12-01" })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("in branch B01 since 2026-11-25");
        error.Status.Detail.Should().Contain("permitted: TransferMember to another branch");
    }

    [Fact]
    public async Task TransferMember_WhenMemberIsNotActive_IsFailedPreconditionNamingStatusAndWayOut()
    {
        await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T1002", Status = MemberStatus.Deceased });

        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02" })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("MEMBER_STATUS_DECEASED");
        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Contain("UpdateMember");
        (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member.BranchCode.Should().Be("B01");
    }

    [Theory]
    [InlineData("2026-11-24", "must not be before 2026-11-25")]
    [InlineData("2026-12-06", "must not be in the future")]
    [InlineData("12/01/2026", "is not a date")]
    public async Task TransferMember_WhenEffectiveDateIsImpossible_IsInvalidArgumentNamingEffectiveOn(string effectiveOn, string rule)
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02", EffectiveOn = effectiveOn })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("effective_on");
        error.Status.Detail.Should().Contain(rule);
        (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member.BranchHistory.Should().ContainSingle();
    }

    [Fact]
    public async Task TransferMember_WhenBranchIsUnknown_IsNotFoundNamingToBranchCode()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B99" })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("to_branch_code");
    }

    [Fact]
    public async Task TransferMember_WhenMemberIsUnknown_IsNotFoundNamingStaffNumber()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T9999", ToBranchCode = "B02" })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("staff_number");
    }
}
