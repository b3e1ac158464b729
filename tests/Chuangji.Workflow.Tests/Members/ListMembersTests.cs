using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Members;

/// <remarks>One host for the class: its tests only read the five members registered once.</remarks>
public sealed class ListMembersTests(ListMembersTests.FiveMembers roster) : IClassFixture<ListMembersTests.FiveMembers>
{
    private readonly MembersService.MembersServiceClient _client = new(roster.Service.Channel);

    public sealed class FiveMembers : SharedService
    {
        protected override async Task SeedAsync(TestService service)
        {
            var client = await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01", "B02");
            await client.ImportMembersAsync(new ImportMembersRequest
            {
                Members =
                {
                    Registration("T1005", "B01"),
                    Registration("T1001", "B01"),
                    Registration("T1003", "B02"),
                    Registration("R2002", "B02", category: MemberCategory.Retired),
                    Registration("R2001", "B01", category: MemberCategory.Retired),
                },
            });
            await client.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T1005", Status = MemberStatus.TransferredOut });
        }
    }

    [Theory]
    [InlineData("", MemberCategory.Unspecified, MemberStatus.Unspecified, "R2001,R2002,T1001,T1003,T1005")]
    [InlineData("B01", MemberCategory.Unspecified, MemberStatus.Unspecified, "R2001,T1001,T1005")]
    [InlineData("", MemberCategory.Retired, MemberStatus.Unspecified, "R2001,R2002")]
    [InlineData("", MemberCategory.Unspecified, MemberStatus.TransferredOut, "T1005")]
    [InlineData("B01", MemberCategory.InService, MemberStatus.Active, "T1001")]
    [InlineData("B02", MemberCategory.InService, MemberStatus.TransferredOut, "")]
    public async Task ListMembers_WhenFiltered_ReturnsExactlyTheMatchingMembersInStaffNumberOrder(
        string branch, MemberCategory category, MemberStatus status, string expected)
    {
        var response = await _client.ListMembersAsync(new ListMembersRequest { BranchCode = branch, Category = category, Status = status });

        string.Join(",", response.Members.Select(m => m.StaffNumber)).Should().Be(expected);
        response.NextPageToken.Should().BeEmpty();
    }

    [Fact]
    public async Task ListMembers_WhenPagedByTwo_VisitsEveryMemberOnce()
    {
        var seen = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await _client.ListMembersAsync(new ListMembersRequest { PageSize = 2, PageToken = token });
            seen.AddRange(page.Members.Select(m => m.StaffNumber));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        seen.Should().Equal("R2001", "R2002", "T1001", "T1003", "T1005");
        pages.Should().Be(3);
    }

    [Fact]
    public async Task ListMembers_WhenTokenIsReusedWithOtherFilters_IsInvalidArgumentNamingPageToken()
    {
        var first = await _client.ListMembersAsync(new ListMembersRequest { BranchCode = "B01", PageSize = 1 });

        var error = await _client.ListMembersAsync(new ListMembersRequest { BranchCode = "B02", PageSize = 1, PageToken = first.NextPageToken })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task ListMembers_WhenPageSizeIsNegativeAndCategoryUnknown_IsInvalidArgumentNamingBoth()
    {
        var error = await _client.ListMembersAsync(new ListMembersRequest { PageSize = -1, Category = (MemberCategory)9 })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Contain("category");
    }

    [Fact]
    public async Task ListMembers_WhenPageSizeIsNegative_IsInvalidArgumentNamingPageSize()
    {
        var error = await _client.ListMembersAsync(new ListMembersRequest { PageSize = -1 }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("page_size");
    }
}
