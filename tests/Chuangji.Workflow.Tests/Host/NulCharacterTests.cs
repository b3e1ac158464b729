using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// Text with U+0000 is refused before anything reads it, naming the field, on either provider: PostgreSQL cannot store
/// it at all (it answered INTERNAL before this rule), and nothing already stored changes.
/// </summary>
public sealed class NulCharacterTests : IClassFixture<SharedService>
{
    private readonly TestService _service;

    public NulCharacterTests(SharedService shared) => _service = shared.Service;

    [Fact]
    public async Task ATopLevelField_WithNul_IsInvalidArgumentNamingIt()
    {
        var members = new MembersService.MembersServiceClient(_service.Channel);

        var refusal = await members.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002\0B01" }).ShouldFailWith(StatusCode.InvalidArgument);

        refusal.ViolatedFields().Should().Equal("staff_number");
        refusal.Status.Detail.Should().Contain("U+0000");
    }

    [Fact]
    public async Task ANestedFieldOfARow_WithNul_IsNamedByItsPath_AndNothingIsStored()
    {
        var members = new MembersService.MembersServiceClient(_service.Channel);
        await members.CreateBranchAsync(Branch("N01"));
        var import = new ImportMembersRequest { Members = { Registration("N1001", "N01"), Registration("N1002", "N01", name: "刘\0阳") } };

        var refusal = await members.ImportMembersAsync(import).ShouldFailWith(StatusCode.InvalidArgument);

        refusal.ViolatedFields().Should().Equal("members[1].name");
        (await members.ListMembersAsync(new ListMembersRequest { BranchCode = "N01" })).Members.Should().BeEmpty("a refused call stores none of its rows");
    }

    [Fact]
    public async Task AFactsRequestId_WithNul_IsRefused_NotAnInternalError()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        var fact = new FactInput { StaffNumber = "T1002", Kind = "MEETING_ABSENCE", OccurredOn = "2026-03-01", RequestId = "r\0" };

        var refusal = await assessment.RecordEventAsync(new RecordEventRequest { Fact = fact }).ShouldFailWith(StatusCode.InvalidArgument);

        refusal.ViolatedFields().Should().Equal("fact.request_id");
    }
}
