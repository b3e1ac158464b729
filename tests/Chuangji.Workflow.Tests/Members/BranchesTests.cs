using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

/// <summary>
/// One host for the class; each test creates branches under codes no other test uses, and what a test says of all the
/// branches it says of what the test itself added. Paging through every branch needs a database of its own
/// (<see cref="BranchPagingTests"/>).
/// </summary>
public sealed class BranchesTests(SharedService host) : IClassFixture<SharedService>
{
    private static int _branches;

    private readonly MembersService.MembersServiceClient _client = new(host.Service.Channel);
    private readonly string _code = $"U{Interlocked.Increment(ref _branches):D2}";

    private async Task<IReadOnlyList<string>> CodesAsync() =>
        (await _client.ListBranchesAsync(new ListBranchesRequest { PageSize = 500 })).Branches.Select(b => b.Code).ToList();

    [Fact]
    public async Task CreateBranch_WhenNew_StoresItAtVersionOne()
    {
        var response = await _client.CreateBranchAsync(Branch(_code, name: "第一党支部", secretary: "王建国"));

        response.Created.Should().BeTrue();
        response.Branch.Should().BeEquivalentTo(new Branch { Code = _code, Name = "第一党支部", SecretaryName = "王建国", SecretaryStaffNumber = "T1001", Version = 1 });
        (await _client.GetBranchAsync(new GetBranchRequest { Code = _code })).Branch.Should().Be(response.Branch);
    }

    [Fact]
    public async Task CreateBranch_WhenRepeatedWithSameData_ReturnsTheBranchUnchanged()
    {
        await _client.CreateBranchAsync(Branch(_code));

        var again = await _client.CreateBranchAsync(Branch(_code));

        again.Created.Should().BeFalse();
        again.Branch.Version.Should().Be(1);
    }

    [Fact]
    public async Task CreateBranch_WhenCodeExistsWithOtherData_IsAlreadyExistsNamingTheField()
    {
        await _client.CreateBranchAsync(Branch(_code, name: "第一党支部"));

        var error = await _client.CreateBranchAsync(Branch(_code, name: "另一个支部")).ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().Equal("name");
        error.Status.Detail.Should().Contain("第一党支部");
        (await _client.GetBranchAsync(new GetBranchRequest { Code = _code })).Branch.Name.Should().Be("第一党支部");
    }

    [Fact]
    public async Task CreateBranch_WhenFieldsBreakRules_IsInvalidArgumentNamingEveryField()
    {
        var before = await CodesAsync();
        var request = new CreateBranchRequest { Code = "B 01", Name = "  ", SecretaryStaffNumber = "T#1" };

        var error = await _client.CreateBranchAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().BeEquivalentTo("code", "name", "secretary_staff_number");
        (await CodesAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task GetBranch_WhenUnknown_IsNotFound()
    {
        var error = await _client.GetBranchAsync(new GetBranchRequest { Code = "B99" }).ShouldFailWith(StatusCode.NotFound);

        error.Status.Detail.Should().Contain("B99");
    }

    [Fact]
    public async Task ListBranches_WhenTokenIsForged_IsInvalidArgumentNamingPageToken()
    {
        var error = await _client.ListBranchesAsync(new ListBranchesRequest { PageToken = "not-a-token!" }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task UpdateBranch_WhenSecretaryChanges_BumpsTheVersion()
    {
        await _client.CreateBranchAsync(Branch(_code));

        var updated = await _client.UpdateBranchAsync(new UpdateBranchRequest { Code = _code, SecretaryName = "赵敏", SecretaryStaffNumber = "T1003", ExpectedVersion = 1 });

        updated.Branch.SecretaryName.Should().Be("赵敏");
        updated.Branch.SecretaryStaffNumber.Should().Be("T1003");
        updated.Branch.Name.Should().Be("第一党支部");
        updated.Branch.Version.Should().Be(2);
    }

    [Fact]
    public async Task UpdateBranch_WhenExpectedVersionIsStale_IsAbortedAndChangesNothing()
    {
        await _client.CreateBranchAsync(Branch(_code));
        await _client.UpdateBranchAsync(new UpdateBranchRequest { Code = _code, SecretaryName = "赵敏" });

        var error = await _client.UpdateBranchAsync(new UpdateBranchRequest { Code = _code, SecretaryName = "孙丽", ExpectedVersion = 1 })
            .ShouldFailWith(StatusCode.Aborted);

        error.ErrorInfo()!.Metadata["current_version"].Should().Be("2");
        (await _client.GetBranchAsync(new GetBranchRequest { Code = _code })).Branch.SecretaryName.Should().Be("赵敏");
    }
}

/// <summary>Paging through every branch of the college: on a host of its own, where no other test's branches are.</summary>
public sealed class BranchPagingTests : IAsyncLifetime
{
    private TestService _service = null!;
    private MembersService.MembersServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _client = new MembersService.MembersServiceClient(_service.Channel);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ListBranches_WhenPaged_ReturnsEveryBranchOnceInCodeOrder()
    {
        await _client.WithBranchesAsync("B03", "B01", "B02");

        var first = await _client.ListBranchesAsync(new ListBranchesRequest { PageSize = 2 });
        var second = await _client.ListBranchesAsync(new ListBranchesRequest { PageSize = 2, PageToken = first.NextPageToken });

        first.Branches.Select(b => b.Code).Should().Equal("B01", "B02");
        second.Branches.Select(b => b.Code).Should().Equal("B03");
        second.NextPageToken.Should().BeEmpty();
    }
}
