using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>
/// One host for the class. Before the clock moves, the host holds one lot per test: three branches of the lot's own and
/// a member registered on 2026-11-25 into its first; then the clock moves ten days, once, to 2026-12-05. Each test
/// takes a lot no other test uses, so the tests cannot see each other's transfers.
/// </summary>
public sealed class TransferMemberTests(TransferMemberTests.Lots lots) : IClassFixture<TransferMemberTests.Lots>
{
    private readonly MembersService.MembersServiceClient _client = new(lots.Service.Channel);
    private readonly Lot _lot = lots.Take();

    private string B01 => _lot.Branches[0];

    private string B02 => _lot.Branches[1];

    private string B03 => _lot.Branches[2];

    private string T1002 => _lot.StaffNumber;

    public sealed record Lot(string StaffNumber, string[] Branches);

    public sealed class Lots : SharedService
    {
        /// <summary>At least the number of test cases in the class (a theory's rows each count).</summary>
        private const int Count = 12;

        private readonly List<Lot> _lots = [];
        private int _taken;

        public Lot Take()
        {
            var index = Interlocked.Increment(ref _taken) - 1;
            return index < _lots.Count ? _lots[index] : throw new InvalidOperationException($"more tests than the {Count} lots the fixture prepares: raise {nameof(Count)}");
        }

        protected override async Task SeedAsync(TestService service)
        {
            var client = new MembersService.MembersServiceClient(service.Channel);
            for (var i = 0; i < Count; i++)
            {
                var lot = new Lot($"T{1300 + i}", [$"L{i:D2}A", $"L{i:D2}B", $"L{i:D2}C"]);
                await client.WithBranchesAsync(lot.Branches);
                await client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(lot.StaffNumber, lot.Branches[0]) });
                _lots.Add(lot);
            }

            service.Time.Advance(TimeSpan.FromDays(10));
        }
    }

    [Fact]
    public async Task TransferMember_WhenMoved_KeepsWhereAndFromWhenItBelonged()
    {
        var first = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B02, EffectiveOn = "2026-12-01", Note = "岗位调整" });
        var second = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B03 });

        first.Transferred.Should().BeTrue();
        second.Member.BranchCode.Should().Be(B03);
        second.Member.Version.Should().Be(3);
        second.Member.BranchHistory.Select(h => (h.BranchCode, h.FromDate, h.UntilDate, h.Note)).Should().Equal(
            (B01, "2026-11-25", "2026-12-01", "registered"),
            (B02, "2026-12-01", "2026-12-05", "岗位调整"),
            (B03, "2026-12-05", "", ""));
        (await _client.ListMembersAsync(new ListMembersRequest { BranchCode = B01 })).Members.Should().BeEmpty();
        (await _client.ListMembersAsync(new ListMembersRequest { BranchCode = B03 })).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task TransferMember_WhenRetried_ChangesNothingTheSecondTime()
    {
        var request = new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B02, EffectiveOn = "2026-12-01" };
        await _client.TransferMemberAsync(request);

        var retry = await _client.TransferMemberAsync(request);

        retry.Transferred.Should().BeFalse();
        retry.Member.BranchHistory.Should().HaveCount(2);
        retry.Member.Version.Should().Be(2);
    }

    [Fact]
    public async Task TransferMember_WhenAlreadyInTheBranchFromAnotherDate_IsFailedPreconditionNamingTheState()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B01, EffectiveOn = "2026-12-01" })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be($"in branch {B01} since 2026-11-25");
        error.Status.Detail.Should().Contain("permitted: TransferMember to another branch");
    }

    [Fact]
    public async Task TransferMember_WhenMemberIsNotActive_IsFailedPreconditionNamingStatusAndWayOut()
    {
        await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = T1002, Status = MemberStatus.Deceased });

        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B02 })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("MEMBER_STATUS_DECEASED");
        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Contain("UpdateMember");
        (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = T1002 })).Member.BranchCode.Should().Be(B01);
    }

    [Theory]
    [InlineData("2026-11-24", "must not be before 2026-11-25")]
    [InlineData("2026-12-06", "must not be in the future")]
    [InlineData("12/01/2026", "is not a date")]
    public async Task TransferMember_WhenEffectiveDateIsImpossible_IsInvalidArgumentNamingEffectiveOn(string effectiveOn, string rule)
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = B02, EffectiveOn = effectiveOn })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("effective_on");
        error.Status.Detail.Should().Contain(rule);
        (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = T1002 })).Member.BranchHistory.Should().ContainSingle();
    }

    [Fact]
    public async Task TransferMember_WhenBranchIsUnknown_IsNotFoundNamingToBranchCode()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = T1002, ToBranchCode = "B99" })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("to_branch_code");
    }

    [Fact]
    public async Task TransferMember_WhenMemberIsUnknown_IsNotFoundNamingStaffNumber()
    {
        var error = await _client.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T9999", ToBranchCode = B02 })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("staff_number");
    }
}
