using Chuangji.Assessment.V1;
using Chuangji.Audit.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>What the fuzz runs found, each held by a test of its own: branch B01 with T1002 and T1003, 2026 open, on 2026-11-25.</summary>
/// <remarks>One host for the class: every test here is refused, so none sees another's traces.</remarks>
public sealed class FuzzFindingsTests(FuzzFindingsTests.College college) : IClassFixture<FuzzFindingsTests.College>
{
    private readonly TestService _service = college.Service;

    private AuditService.AuditServiceClient Audit => new(_service.Channel);

    private AssessmentService.AssessmentServiceClient Assessment => new(_service.Channel);

    private WorkflowService.WorkflowServiceClient Workflow => new(_service.Channel);

    private MembersService.MembersServiceClient Members => new(_service.Channel);

    public sealed class College : SharedService
    {
        protected override async Task SeedAsync(TestService service)
        {
            await (await new MembersService.MembersServiceClient(service.Channel).WithBranchesAsync("B01")).ImportMembersAsync(new ImportMembersRequest
            {
                Members = { MembersFixtures.Registration("T1002", "B01"), MembersFixtures.Registration("T1003", "B01") },
            });
            await new WorkflowService.WorkflowServiceClient(service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
        }
    }

    public static TheoryData<string, long, int> OutOfRangeTimestamps() => new()
    {
        { "from", 253_402_300_800, 0 },
        { "from", -62_135_596_801, 0 },
        { "to", 1_767_225_600, -1 },
        { "to", 1_767_225_600, 1_000_000_000 },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeTimestamps))]
    public async Task ListAudit_WhenATimestampIsNoInstant_IsInvalidArgumentNamingIt(string field, long seconds, int nanos)
    {
        var timestamp = new Timestamp { Seconds = seconds, Nanos = nanos };
        var request = field == "from" ? new ListAuditRequest { From = timestamp } : new ListAuditRequest { To = timestamp };

        var error = await Audit.ListAuditAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal(field);
        error.Status.Detail.Should().Contain(TimestampField.Rule);
    }

    [Fact]
    public async Task ScorecardsAndSummary_WhenAsOfIsNoInstant_AreInvalidArgumentNamingAsOf()
    {
        var beyond = new Timestamp { Seconds = 253_402_300_800 };

        var errors = new[]
        {
            await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1002", Year = 2026, AsOf = beyond }).ShouldFailWith(StatusCode.InvalidArgument),
            await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, AsOf = beyond }).ShouldFailWith(StatusCode.InvalidArgument),
            await Assessment.SummarizeYearAsync(new SummarizeYearRequest { Year = 2026, AsOf = beyond }).ShouldFailWith(StatusCode.InvalidArgument),
        };

        errors.Should().OnlyContain(e => e.ViolatedFields().SequenceEqual(new[] { "as_of" }));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(3_000_000)]
    public async Task OpenAndUpdateCalendar_WhenPublicityDaysIsOutOfRange_NameOnlyPublicityDays(int days)
    {
        var open = await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2027, Calendar = new V1.CalendarOverrides { PublicityDays = days } })
            .ShouldFailWith(StatusCode.InvalidArgument);
        var update = await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest { Year = 2026, Calendar = new V1.CalendarOverrides { PublicityDays = days } })
            .ShouldFailWith(StatusCode.InvalidArgument);

        open.ViolatedFields().Should().Equal("calendar.publicity_days");
        update.ViolatedFields().Should().Equal("calendar.publicity_days");
    }

    [Fact]
    public async Task UpdateCalendar_WhenADateIsMalformed_ComparesNoOtherDateWithIt()
    {
        var error = await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest
        {
            Year = 2026,
            Calendar = new V1.CalendarOverrides { MassReviewCloses = "2026-13-01", DeterminationBy = "2026-12-20" },
        }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("calendar.mass_review_closes");
    }

    [Fact]
    public async Task GetMember_WhenTheStaffNumberIsHuge_QuotesAShortMarkedPrefix_InTrailersOfAFewKb()
    {
        var staffNumber = new string('7', 100_000);

        var error = await Members.GetMemberAsync(new GetMemberRequest { StaffNumber = staffNumber }).ShouldFailWith(StatusCode.NotFound);

        error.Status.Detail.Should().Be($"staff_number: member '{new string('7', Echo.MaxLength)}…' does not exist");
        error.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName.Should().Be(new string('7', Echo.MaxLength) + "…");
        TrailerBytes(error).Should().BeLessThan(1_024);
    }

    [Fact]
    public async Task AMember_NamingAnotherHugeStaffNumber_IsDeniedQuotingAShortMarkedPrefix()
    {
        using var channel = _service.ChannelWith(_service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1))));

        var error = await new WorkflowService.WorkflowServiceClient(channel)
            .GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = new string('x', 100_000) })
            .ShouldFailWith(StatusCode.PermissionDenied);

        error.Status.Detail.Should().EndWith($"not on {new string('x', Echo.MaxLength)}…'s");
        error.Status.Detail.Length.Should().BeLessThan(200);
        TrailerBytes(error).Should().BeLessThan(1_024);
    }

    [Fact]
    public async Task ReplaceRubric_WhenEveryOneOfTwoHundredItemsIsBad_NamesTheFirstFew_InTrailersOfAFewKb()
    {
        var rubric = new Rubric { Name = "表" };
        rubric.Items.AddRange(Enumerable.Range(0, 200).Select(i => new RubricItem { Code = $"第{i}项" + new string('长', 1_000), Name = new string('名', 1_000), MaxPoints = "1" }));

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.InvalidArgument);

        error.Status.Detail.Should().StartWith("invalid request: rubric.items[0].code: ").And.EndWith(" more");
        error.Status.Detail.Length.Should().BeLessThanOrEqualTo(ErrorText.MaxMessageLength);
        error.ViolatedFields().Should().HaveCountLessThan(400).And.StartWith("rubric.items[0].code");
        TrailerBytes(error).Should().BeLessThan(8 * 1_024);
    }

    [Fact]
    public async Task ReplaceRubric_WhenItsTextsAreTooLong_NamesEachBeforeStoringAnything()
    {
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        rubric.Name = new string('表', 101);
        rubric.Items[0].Code = new string('S', 33);
        rubric.FactKinds[0].Name = new string('名', 101);
        rubric.DerivedRules[0].Description = new string('述', 501);
        rubric.RatingBands[0].Rating = "EXCELLENT BAND";

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = new string('注', 501) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal(
            "rubric.name", "rubric.items[0].code", "rubric.fact_kinds[0].name", "rubric.derived_rules[0].description", "rubric.rating_bands[0].rating");
        (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric.Version.Should().Be(1);
    }

    [Fact]
    public async Task ReplaceRubric_WhenTheNoteIsTooLong_IsInvalidArgumentNamingIt()
    {
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = new string('注', 501) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("note");
    }

    [Fact]
    public async Task ListFilters_WhenNotAnIdentifier_AreInvalidArgumentNamingThem()
    {
        var code = new string('B', 33);
        var errors = new[]
        {
            await new ReminderService.ReminderServiceClient(_service.Channel).ListRemindersAsync(new ListRemindersRequest { StaffNumber = code, BranchCode = code })
                .ShouldFailWith(StatusCode.InvalidArgument),
            await new CheckReportService.CheckReportServiceClient(_service.Channel).ListCheckReportsAsync(new ListCheckReportsRequest { BranchCode = code })
                .ShouldFailWith(StatusCode.InvalidArgument),
            await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026, BranchCode = code }).ShouldFailWith(StatusCode.InvalidArgument),
            await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "MEETING ABSENCE" }).ShouldFailWith(StatusCode.InvalidArgument),
        };

        errors.Select(e => string.Join(",", e.ViolatedFields())).Should().Equal("staff_number,branch_code", "branch_code", "branch_code", "kind");
    }

    [Fact]
    public async Task ResolveObjection_WhenItNamesMoreThanAHundredFacts_IsInvalidArgument()
    {
        var request = new ResolveObjectionRequest { Year = 2026, StaffNumber = "T1002", ObjectionId = 1, Upheld = true, Resolution = "更正" };
        request.CorrectedFactIds.AddRange(Enumerable.Range(1, 101).Select(i => (long)i));

        var error = await Workflow.ResolveObjectionAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("corrected_fact_ids");
        error.Status.Detail.Should().Contain("at most 100 facts, not 101");
    }

    [Theory]
    [InlineData("0a80")]                // staff_number's length never ends
    [InlineData("0a03eda080")]          // an unpaired surrogate, as CESU-8 writes it: not UTF-8
    [InlineData("0b")]                  // a group that is never closed
    [InlineData("0a7f41")]              // 127 bytes announced, 1 sent
    public async Task GetMember_WhenTheBodyIsNotAMessage_IsInvalidArgumentNamingItsType_AndAWarningWithoutAStackTrace(string hex)
    {
        var rpc = MembersService.Descriptor.FindMethodByName("GetMember");
        _service.Logs.Clear();

        var answer = await DynamicRpc.CallRawAsync(_service.Channel.CreateCallInvoker(), rpc, Convert.FromHexString(hex));

        (answer.Code, answer.Detail).Should().Be((StatusCode.InvalidArgument, "the request body is not a valid chuangji.members.v1.GetMemberRequest"));
        _service.Logs.Entries.Should().ContainSingle().Which.Should().Match<LoggedEntry>(e =>
            e.Level == LogLevel.Warning && e.Exception == null && e.Message.StartsWith("/chuangji.members.v1.MembersService/GetMember refused a request body", StringComparison.Ordinal));
    }

    private static int TrailerBytes(RpcException error) => AnswerInspector.TrailerBytes(new Answer(error.StatusCode, error.Status.Detail, error.Trailers, null));
}
