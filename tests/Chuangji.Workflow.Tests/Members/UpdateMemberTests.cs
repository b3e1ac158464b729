using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>
/// One host for the class (branch B01); each test registers its own member (刘洋, 高等数学, version 1) under a staff
/// number no other test uses, so the tests cannot see each other's changes.
/// </summary>
public sealed class UpdateMemberTests(UpdateMemberTests.Branch01 host) : IClassFixture<UpdateMemberTests.Branch01>, IAsyncLifetime
{
    private static int _members;

    private readonly MembersService.MembersServiceClient _client = new(host.Service.Channel);
    private readonly string _staffNumber = $"T{1100 + Interlocked.Increment(ref _members)}";

    public async Task InitializeAsync() =>
        await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration(_staffNumber, name: "刘洋", specialty: "高等数学") });

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class Branch01 : SharedService
    {
        protected override async Task SeedAsync(TestService service) => await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01");
    }

    [Fact]
    public async Task UpdateMember_WhenFieldsAreSet_ChangesOnlyThoseAndBumpsTheVersion()
    {
        var response = await _client.UpdateMemberAsync(new UpdateMemberRequest
        {
            StaffNumber = _staffNumber,
            Category = MemberCategory.Retired,
            Specialty = "老年体育",
            ExpectedVersion = 1,
        });

        response.Member.Category.Should().Be(MemberCategory.Retired);
        response.Member.Specialty.Should().Be("老年体育");
        response.Member.Name.Should().Be("刘洋");
        response.Member.JoinedPartyOn.Should().Be("2005-07-01");
        response.Member.Version.Should().Be(2);
    }

    [Fact]
    public async Task UpdateMember_WhenNothingChanges_KeepsTheVersion()
    {
        var response = await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = _staffNumber, Name = "刘洋" });

        response.Member.Version.Should().Be(1);
    }

    [Fact]
    public async Task UpdateMember_WhenExpectedVersionIsStale_IsAbortedAndChangesNothing()
    {
        await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = _staffNumber, Specialty = "线性代数" });

        var error = await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = _staffNumber, Name = "刘阳", ExpectedVersion = 1 })
            .ShouldFailWith(StatusCode.Aborted);

        error.ErrorInfo()!.Reason.Should().Be("CONCURRENT_MODIFICATION");
        var stored = (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = _staffNumber })).Member;
        (stored.Name, stored.Specialty, stored.Version).Should().Be(("刘洋", "线性代数", 2L));
    }

    [Fact]
    public async Task UpdateMember_WhenTwoRaceOnOneVersion_ExactlyOneWins()
    {
        var calls = new[] { "刘阳", "柳洋", "刘扬", "留洋" }
            .Select(name => _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = _staffNumber, Name = name, ExpectedVersion = 1 }).ResponseAsync)
            .ToList();

        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                return (await call).Member.Name;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Aborted)
            {
                return null;
            }
        }));

        var winners = outcomes.Where(name => name is not null).ToList();
        winners.Should().ContainSingle();
        var stored = (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = _staffNumber })).Member;
        stored.Name.Should().Be(winners[0]);
        stored.Version.Should().Be(2);
    }

    [Fact]
    public async Task UpdateMember_WhenValuesBreakRules_IsInvalidArgumentNamingEachField()
    {
        var error = await _client.UpdateMemberAsync(new UpdateMemberRequest
        {
            StaffNumber = _staffNumber,
            Name = "",
            Status = MemberStatus.Unspecified,
            JoinedPartyOn = "yesterday",
        }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().BeEquivalentTo("name", "status", "joined_party_on");
        (await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = _staffNumber })).Member.Version.Should().Be(1);
    }

    [Fact]
    public async Task UpdateMember_WhenMemberIsUnknown_IsNotFoundNamingStaffNumber()
    {
        var error = await _client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T9999", Name = "某人" }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("staff_number");
    }

    [Fact]
    public async Task GetMember_WhenUnknown_IsNotFound()
    {
        await _client.GetMemberAsync(new GetMemberRequest { StaffNumber = "T9999" }).ShouldFailWith(StatusCode.NotFound);
    }
}
