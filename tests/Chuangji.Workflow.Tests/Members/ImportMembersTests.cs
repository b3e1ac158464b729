using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

[RunsLong]
public sealed class ImportMembersTests : IAsyncLifetime
{
    private TestService _service = null!;
    private MembersService.MembersServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _client = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01", "B02");
        await _client.RegisterMemberAsync(new RegisterMemberRequest { Member = Registration("T1001", name: "王建国") });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ImportMembers_WhenSomeRowsAreBad_StoresEveryGoodRowAndAnswersPerRow()
    {
        var request = new ImportMembersRequest
        {
            Members =
            {
                Registration("T1002", name: "刘洋"),
                Registration("T1003", joinedPartyOn: "2099-01-01"),
                Registration("T1001", name: "王建国"),
                Registration("T1001", name: "王建华"),
                Registration("R2001", branchCode: "B02", name: "黄桂兰", category: MemberCategory.Retired),
                Registration("T1004", branchCode: "B77"),
                Registration("T1002", name: "刘洋"),
            },
        };

        var response = await _client.ImportMembersAsync(request);

        response.Results.Select(r => (r.Row, r.StaffNumber, r.Outcome)).Should().Equal(
            (0, "T1002", ImportOutcome.Created),
            (1, "T1003", ImportOutcome.Rejected),
            (2, "T1001", ImportOutcome.Unchanged),
            (3, "T1001", ImportOutcome.Rejected),
            (4, "R2001", ImportOutcome.Created),
            (5, "T1004", ImportOutcome.Rejected),
            (6, "T1002", ImportOutcome.Unchanged));
        response.Results[1].Error.Code.Should().Be("INVALID_ARGUMENT");
        response.Results[1].Error.FieldViolations.Select(v => v.Field).Should().Equal("joined_party_on");
        response.Results[3].Error.Code.Should().Be("ALREADY_EXISTS");
        response.Results[3].Error.FieldViolations.Select(v => v.Field).Should().Equal("name");
        response.Results[5].Error.Code.Should().Be("NOT_FOUND");
        response.Results[5].Error.FieldViolations.Select(v => v.Field).Should().Equal("branch_code");
        (response.CreatedCount, response.UnchangedCount, response.RejectedCount).Should().Be((2, 2, 3));

        var stored = await _client.ListMembersAsync(new ListMembersRequest());
        stored.Members.Select(m => m.StaffNumber).Should().Equal("R2001", "T1001", "T1002");
        stored.Members.Single(m => m.StaffNumber == "T1001").Name.Should().Be("王建国");
    }

    [Fact]
    public async Task ImportMembers_WhenRepeated_ChangesNothing()
    {
        var roster = new ImportMembersRequest { Members = { Registration("T1002"), Registration("T1003", name: "赵敏") } };
        await _client.ImportMembersAsync(roster);

        var again = await _client.ImportMembersAsync(roster);

        again.Results.Select(r => r.Outcome).Should().AllBeEquivalentTo(ImportOutcome.Unchanged);
        again.Results.Select(r => r.Member.Version).Should().AllBeEquivalentTo(1L);
    }

    [Fact]
    public async Task ImportMembers_WhenEmpty_IsInvalidArgumentNamingMembers()
    {
        var error = await _client.ImportMembersAsync(new ImportMembersRequest()).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("members");
    }

    [Fact]
    public async Task ImportMembers_WhenOverTenThousandRows_IsInvalidArgumentAndStoresNothing()
    {
        var request = new ImportMembersRequest();
        request.Members.AddRange(Enumerable.Range(0, 10_001).Select(i => Registration($"X{i}")));

        var error = await _client.ImportMembersAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("members");
        (await _client.ListMembersAsync(new ListMembersRequest())).Members.Should().ContainSingle();
    }

    [Fact]
    public async Task ImportMembers_WhenRosterIsLarge_StoresEveryRow()
    {
        var request = new ImportMembersRequest();
        request.Members.AddRange(Enumerable.Range(0, 2_000).Select(i => Registration($"S{i:D5}", branchCode: i % 2 == 0 ? "B01" : "B02")));

        var response = await _client.ImportMembersAsync(request);

        response.CreatedCount.Should().Be(2_000);
        var b02 = await _client.ListMembersAsync(new ListMembersRequest { BranchCode = "B02", PageSize = 500 });
        b02.Members.Should().HaveCount(500);
        b02.NextPageToken.Should().NotBeEmpty();
    }
}
