using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>
/// One host for the class (branches B01 and B02, the clock never moved); each test registers under a staff number no
/// other test uses, and what a test says of the whole roster it says of what the test itself added to it.
/// </summary>
public sealed class RegisterMemberTests(RegisterMemberTests.TwoBranches host) : IClassFixture<RegisterMemberTests.TwoBranches>
{
    private static int _members;

    private readonly MembersService.MembersServiceClient _client = new(host.Service.Channel);
    private readonly string _staffNumber = $"T{1200 + Interlocked.Increment(ref _members)}";

    public sealed class TwoBranches : SharedService
    {
        protected override async Task SeedAsync(TestService service) => await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01", "B02");
    }

    private async Task<IReadOnlyList<string>> RosterAsync() =>
        (await _client.ListMembersAsync(new ListMembersRequest { PageSize = 500 })).Members.Select(m => m.StaffNumber).ToList();

    [Fact]
    public async Task RegisterMember_WhenNew_IsActiveInItsBranchFromToday()
    {
        var response = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber) });

        response.Created.Should().BeTrue();
        var member = response.Member;
        member.StaffNumber.Should().Be(_staffNumber);
        member.Status.Should().Be(MemberStatus.Active);
        member.Category.Should().Be(MemberCategory.InService);
        member.JoinedPartyOn.Should().Be("2005-07-01");
        member.Version.Should().Be(1);
        member.BranchHistory.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new BranchMembership { BranchCode = "B01", FromDate = "2026-11-25", UntilDate = "", Note = "registered" });
    }

    [Fact]
    public async Task RegisterMember_WhenRetriedWithSameData_ReturnsTheSameMemberOnce()
    {
        var before = await RosterAsync();
        var first = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber) });

        var retry = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber) });

        retry.Created.Should().BeFalse();
        retry.Member.Should().Be(first.Member);
        (await RosterAsync()).Except(before).Should().ContainSingle().Which.Should().Be(_staffNumber);
        (await RosterAsync()).Should().HaveCount(before.Count + 1);
    }

    [Fact]
    public async Task RegisterMember_WhenStaffNumberKnownWithOtherData_IsAlreadyExistsNamingEachDifferingField()
    {
        await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, name: "刘洋") });

        var conflicting = Registration(_staffNumber, name: "刘阳", category: MemberCategory.Retired);
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = conflicting }).ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().BeEquivalentTo("member.name", "member.category");
        var stored = (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = _staffNumber })).Member;
        stored.Name.Should().Be("刘洋");
        stored.Category.Should().Be(MemberCategory.InService);
    }

    [Fact]
    public async Task RegisterMember_WhenFieldsBreakRules_IsInvalidArgumentNamingEveryFieldAndStoresNothing()
    {
        var before = await RosterAsync();
        var registration = Registration("T 1002", name: "", category: (MemberCategory)7, joinedPartyOn: "2005-13-01");

        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = registration }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().BeEquivalentTo("member.staff_number", "member.name", "member.category", "member.joined_party_on");
        (await RosterAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task RegisterMember_WhenCategoryIsUnspecified_IsInvalidArgumentNamingCategory()
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, category: MemberCategory.Unspecified) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("member.category");
    }

    [Theory]
    [InlineData("2026-11-26", "must not be in the future")]
    [InlineData("1921-06-30", "must not be before the party was founded")]
    [InlineData("", "is required")]
    public async Task RegisterMember_WhenJoinedDateIsImpossible_IsInvalidArgumentSayingWhy(string joined, string rule)
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, joinedPartyOn: joined) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("member.joined_party_on");
        error.Status.Detail.Should().Contain(rule);
    }

    [Fact]
    public async Task RegisterMember_WhenJoinedToday_IsAccepted()
    {
        var response = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, joinedPartyOn: "2026-11-25") });

        response.Member.JoinedPartyOn.Should().Be("2026-11-25");
    }

    [Fact]
    public async Task RegisterMember_WhenBranchIsUnknown_IsNotFoundNamingBranchCode()
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, branchCode: "B09") })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("member.branch_code");
        error.Status.Detail.Should().Contain("B09");
    }

    [Fact]
    public async Task RegisterMember_WhenNoMemberIsSent_IsInvalidArgumentNamingTheFields()
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest()).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Contain("member.staff_number");
    }

    [Fact]
    public async Task RegisterMember_WhenSentConcurrentlyForOneStaffNumber_CreatesOneMember()
    {
        var before = await RosterAsync();
        var calls = Enumerable.Range(0, 8)
            .Select(_ => _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber) }).ResponseAsync)
            .ToList();

        var responses = await Task.WhenAll(calls);

        responses.Count(r => r.Created).Should().Be(1);
        responses.Select(r => r.Member.StaffNumber).Should().AllBe(_staffNumber);
        (await RosterAsync()).Except(before).Should().ContainSingle().Which.Should().Be(_staffNumber);
        (await RosterAsync()).Should().HaveCount(before.Count + 1);
    }
}
