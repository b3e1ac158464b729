using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

public sealed class RegisterMemberTests : IAsyncLifetime
{
    private TestService _service = null!;
    private MembersService.MembersServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _client = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01", "B02");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task RegisterMember_WhenNew_IsActiveInItsBranchFromToday()
    {
        var response = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") });

        response.Created.Should().BeTrue();
        var member = response.Member;
        member.StaffNumber.Should().Be("T1002");
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
        var first = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") });

        var retry = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") });

        retry.Created.Should().BeFalse();
        retry.Member.Should().Be(first.Member);
        (await _client.ListMembersAsync(new ListMembersRequest())).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task RegisterMember_WhenStaffNumberKnownWithOtherData_IsAlreadyExistsNamingEachDifferingField()
    {
        await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", name: "刘洋") });

        var conflicting = Registration("T1002", name: "刘阳", category: MemberCategory.Retired);
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = conflicting }).ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().BeEquivalentTo("member.name", "member.category");
        var stored = (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" })).Member;
        stored.Name.Should().Be("刘洋");
        stored.Category.Should().Be(MemberCategory.InService);
    }

    [Fact]
    public async Task RegisterMember_WhenFieldsBreakRules_IsInvalidArgumentNamingEveryFieldAndStoresNothing()
    {
        var registration = Registration("T 1002", name: "", category: (MemberCategory)7, joinedPartyOn: "2005-13-01");

        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = registration }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().BeEquivalentTo("member.staff_number", "member.name", "member.category", "member.joined_party_on");
        (await _client.ListMembersAsync(new ListMembersRequest())).Members.Should().BeEmpty();
    }

    [Fact]
    public async Task RegisterMember_WhenCategoryIsUnspecified_IsInvalidArgumentNamingCategory()
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", category: MemberCategory.Unspecified) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("member.category");
    }

    [Theory]
    [InlineData("2026-11-26", "must not be in the future")]
    [InlineData("1921-06-30", "must not be before the party was founded")]
    [InlineData("", "is required")]
    public async Task RegisterMember_WhenJoinedDateIsImpossible_IsInvalidArgumentSayingWhy(string joined, string rule)
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", joinedPartyOn: joined) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("member.joined_party_on");
        error.Status.Detail.Should().Contain(rule);
    }

    [Fact]
    public async Task RegisterMember_WhenJoinedToday_IsAccepted()
    {
        var response = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", joinedPartyOn: "2026-11-25") });

        response.Member.JoinedPartyOn.Should().Be("2026-11-25");
    }

    [Fact]
    public async Task RegisterMember_WhenBranchIsUnknown_IsNotFoundNamingBranchCode()
    {
        var error = await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002", branchCode: "B09") })
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
        var calls = Enumerable.Range(0, 8)
            .Select(_ => _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1002") }).ResponseAsync)
            .ToList();

        var responses = await Task.WhenAll(calls);

        responses.Count(r => r.Created).Should().Be(1);
        responses.Select(r => r.Member.StaffNumber).Should().AllBe("T1002");
        (await _client.ListMembersAsync(new ListMembersRequest())).Members.Should().ContainSingle();
    }
}
