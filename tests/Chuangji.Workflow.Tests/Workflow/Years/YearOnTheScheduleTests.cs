using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Tests.Documents;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Workflow.Schedule;
using Chuangji.Workflow.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Workflow.Years;

/// <summary>
/// 2026 as the college lives it, through the real host with its scheduler on the fake clock, the service restarted
/// across every deadline. B01: T1002 does everything on time, T1003 objects to a wrong fact, retired R2001 does
/// nothing, and the leadership group closes B01's commitment phase early; B02: T2001 does nothing and its phase
/// closes at the deadline. Every figure below is worked out by hand from the default table (domain.md §5, §9).
/// </summary>
public sealed class YearOnTheScheduleTests : ScheduleFixture
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task AWholeYear_WithRestartsAcrossEveryDeadline_PostsAndFreezesTheTablesFigures()
    {
        await OpenAsync();
        await CommitAsync("T1002");
        await CommitAsync("T1003");

        // The leadership group closes B01's commitment phase early: R2001's NO_COMMITMENT lies on that day.
        await MoveClockAsync(1, 20, 10);
        var early = await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, BranchCode = "B01", TargetState = CycleState.SelfReport });
        early.Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("R2001");

        // Across the commitment deadline: the schedule closes the rest (B02) and records nothing twice.
        await RestartAcrossAsync(2, 1, 0, 5);
        (await CycleAsync("T2001")).CommitmentMissing.Should().BeTrue();
        var noCommitment = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 50 })).Facts;
        noCommitment.Select(f => (f.StaffNumber, f.OccurredOn)).Should().BeEquivalentTo([("R2001", "2026-01-20"), ("T2001", "2026-01-31")]);
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().BeEmpty();

        // The first half: facts registered by the secretary, declarations by the two who act.
        await MoveClockAsync(6, 20, 10);
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-03-10");
        await RecordAsync("T1002", "ASSISTANCE_HARDSHIP", "2026-05-01");
        await RecordAsync("T1002", "ASSISTANCE_STRUGGLING", "2026-05-02", count: 5);
        await RecordAsync("T1002", "GOOD_DEED", "2026-06-01", count: 2);
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-04-02");
        var wrongDues = await RecordAsync("T1003", "DUES_LATE", "2026-03-01", count: 2);
        await RecordAsync("T1003", "ASSISTANCE_HARDSHIP", "2026-05-03");
        await RecordAsync("T1003", "ASSISTANCE_STRUGGLING", "2026-05-04", count: 5);
        await RecordAsync("T1003", "GOOD_DEED", "2026-06-02");
        await DeclareAsync("T1002", HalfYear.First);
        await DeclareAsync("T1003", HalfYear.First);

        await RestartAcrossAsync(7, 11, 0, 5);
        (await CycleAsync("R2001")).FirstHalfDeclarationMissing.Should().BeTrue();
        (await CycleAsync("T2001")).FirstHalfDeclarationMissing.Should().BeTrue();
        (await CycleAsync("T1002")).FirstHalfDeclarationMissing.Should().BeFalse();

        // The second half.
        await MoveClockAsync(10, 20, 10);
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-09-10");
        await RecordAsync("T1002", "AWARD_CITY", "2026-10-15");
        await MoveClockAsync(12, 1, 10);
        await DeclareAsync("T1002", HalfYear.Second);
        await DeclareAsync("T1003", HalfYear.Second);

        await RestartAcrossAsync(12, 11, 0, 5);
        (await CycleAsync("R2001")).SecondHalfDeclarationMissing.Should().BeTrue();
        (await CycleAsync("T2001")).State.Should().Be(CycleState.MassReview);

        // 评绩, then 亮绩 once the assessment period has closed (12-17): the list shows the complete year.
        await Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Forum, Content = "备课认真", Author = "学生代表", RequestId = "forum-1",
        });
        await MoveClockAsync(12, 18, 0, 5);
        (await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Publicity })).MovedCount.Should().Be(4);

        // T1002: every item full, + AWARD_CITY 3 = 103.
        // T1003: DISCIPLINE 16 − 5 × 2 (dues) − 3 (no H2 thought report) = 3; PERSONAL 20 − 5 (one good deed short) = 15: 82.
        // R2001 (retired): ACHIEVEMENT 16 − 3, SERVICE 16 − 5, DISCIPLINE 16 − 3 − 3: 100 − 14 = 86.
        // T2001: as R2001, and PERSONAL_IN_SERVICE 20 − 5 × 2 (no good deed): 100 − 24 = 76.
        var posted = await ScorecardsAsync();
        posted.Should().Equal(new Dictionary<string, string> { ["T1002"] = "103", ["T1003"] = "82", ["R2001"] = "86", ["T2001"] = "76" });
        var t2001 = (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T2001", Year = 2026 })).Scorecard;
        t2001.JudgedWindows.Select(w => w.Label).Should().Equal("2026年上半年", "2026年下半年", "2026年全年");
        t2001.AssessmentPeriodClosesOn.Should().Be("2026-12-17");
        t2001.SuggestedRatingName.Should().Be("合格");
        // 亮绩 on paper: the branch's list carries the posted totals, and the masses see it without a token.
        var list = ReadBack.Sheet(await DocumentAsync(c => c.GetPublicityList(new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Xlsx }), r => r.Chunk), "公示名单");
        foreach (var member in new[] { "T1002", "T1003", "R2001" })
        {
            ReadBack.RowWith(list, member)[^2].Should().Be(posted[member], "the publicity list posts {0}'s total", member);
        }

        using var anyone = Service.HttpClientWith(null);
        (await anyone.GetAsync("/publicity/2026/B01")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);

        // An objection upheld with a correction: dues were late once, not twice. A thought report dated 12-20 counts once registered.
        await MoveClockAsync(12, 19, 10);
        var objection = await Workflow.RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1003", Content = "党费只迟交过一次" });
        await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = wrongDues.Fact.FactId, Reason = "异议成立：只迟交一次" });
        var corrected = await RecordAsync("T1003", "DUES_LATE", "2026-03-01");
        await Workflow.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            Year = 2026, StaffNumber = "T1003", ObjectionId = objection.ObjectionId, Upheld = true, Resolution = "核实后更正为一次",
            CorrectedFactIds = { wrongDues.Fact.FactId, corrected.Fact.FactId },
        });
        (await ScorecardsAsync())["T1003"].Should().Be("87", "DISCIPLINE 16 − 5 − 3 = 8");
        await MoveClockAsync(12, 20, 10);
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-12-20");
        (await ScorecardsAsync())["T1003"].Should().Be("90", "the second half has its thought report now: DISCIPLINE 11");

        // Across the end of the window (12-23 00:05), then 定绩.
        await RestartAcrossAsync(12, 23, 10);
        using (var afterWindow = Service.HttpClientWith(null))
        {
            (await afterWindow.GetAsync("/publicity/2026/B01")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "the window has closed");
        }

        (await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Determination })).MovedCount.Should().Be(4);
        await MoveClockAsync(12, 28, 15);
        (await DetermineAsync("T1002", Rating.Excellent)).Should().Be("103");
        (await DetermineAsync("T1003", Rating.Qualified)).Should().Be("90");
        (await DetermineAsync("R2001", Rating.Qualified)).Should().Be("86");
        (await Workflow.DetermineAsync(Determination("T2001", Rating.Excellent)).ShouldFailWith(StatusCode.InvalidArgument))
            .Status.Detail.Should().Contain("its total is 76");
        (await DetermineAsync("T2001", Rating.BasicallyQualified)).Should().Be("76");

        // 用绩, and a reopen: the determination is superseded, and the meeting decides again.
        await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1002", Commendation = "评为优秀共产党员" });
        await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T2001", HelpPlan = "支部书记结对帮扶" });
        await Workflow.ReopenCycleAsync(new ReopenCycleRequest { Year = 2026, StaffNumber = "T1002", Reason = "补充材料后重新评定" });
        await MoveClockAsync(12, 29, 10);
        (await DetermineAsync("T1002", Rating.Excellent)).Should().Be("103");
        var archived = (await CycleAsync("T1002")).Determinations;
        archived.Select(d => (d.TotalScore, d.Superseded)).Should().Equal(("103", false), ("103", true));
        archived[1].SupersededReason.Should().Be("补充材料后重新评定");

        // After the year: every moment of 2026's schedule was done once, nothing failed, and frozen scores stay frozen.
        await RestartAcrossAsync(1, 1, 0, 30, year: 2027);
        await RecordAsync("T1002", "MEETING_ABSENCE", "2026-12-30");
        (await CycleAsync("T1002")).Determination.TotalScore.Should().Be("103");
        (await ScorecardsAsync())["T1002"].Should().Be("101");
        // 定绩 and 用绩 on paper, after the restart: the scoring table files the frozen 103, the outcome list the plans.
        var table = ReadBack.Sheet(await DocumentAsync(c => c.GetScoringTable(new GetScoringTableRequest { Year = 2026, StaffNumber = "T1002", Format = DocumentFormat.Xlsx }), r => r.Chunk), "考核评分表");
        ReadBack.RowWith(table, "合计")[4].Should().Be("103");
        var outcomes = await DocumentAsync(c => c.GetOutcomeList(new GetOutcomeListRequest { Year = 2026, Format = DocumentFormat.Xlsx }), r => r.Chunk);
        ReadBack.RowWith(ReadBack.Sheet(outcomes, "表彰名单"), "T1002")[^1].Should().Be("（待落实）", "the reopen took the commendation back with the determination");
        ReadBack.RowWith(ReadBack.Sheet(outcomes, "帮扶名单"), "T2001")[^2].Should().Be("支部书记结对帮扶");
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().BeEmpty();
        (await LedgerKeysAsync()).Should().BeEquivalentTo(await ScheduleKeysAsync(), "every scheduled event of the year ran, once");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 50 })).Facts.Should().HaveCount(2);
    }

    [Fact]
    public async Task ClosingNextYearsCommitmentPhase_BeforeTheYearBegins_DatesTheFactOnItsFirstDay()
    {
        await MoveClockAsync(11, 30, 10);
        await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2027 });
        await Service.ScheduleCaughtUpAsync();

        await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2027, TargetState = CycleState.SelfReport });

        var facts = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2027, Kind = "NO_COMMITMENT", PageSize = 50 })).Facts;
        facts.Select(f => (f.StaffNumber, f.OccurredOn)).Should().BeEquivalentTo(
            [("R2001", "2027-01-01"), ("T1002", "2027-01-01"), ("T1003", "2027-01-01"), ("T2001", "2027-01-01")]);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 50 })).Facts.Should().BeEmpty();
        var asOf2027 = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 1, 2, 10, 0, 0, Shanghai));
        (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1002", Year = 2027, AsOf = asOf2027 })).Scorecard.Items
            .Single(i => i.Code == "ACHIEVEMENT").Score.Should().Be("13");

        // When 2027's deadline passes, the schedule's close finds the phase closed and records nothing again.
        Service.Time.SetUtcNow(new DateTimeOffset(2027, 2, 1, 0, 5, 0, Shanghai));
        await Service.ScheduleCaughtUpAsync();
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2027, Kind = "NO_COMMITMENT", PageSize = 50 })).Facts.Should().HaveCount(4);
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2027 })).Year.ScheduleFailures.Should().BeEmpty();
    }

    [Fact]
    public async Task AnEarlyClose_ThenTheDeadline_ThenARevocation_RecordsNoCommitmentOnce_AndTheScheduleGoesOn()
    {
        await OpenAsync();
        await MoveClockAsync(1, 15, 10);
        await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport });
        var fact = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1003" })).Facts.Should().ContainSingle().Subject;
        fact.OccurredOn.Should().Be("2026-01-15");
        await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = "已当面承诺" });

        await MoveClockAsync(7, 11, 0);

        var all = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", IncludeRevoked = true, PageSize = 50 })).Facts;
        all.Select(f => (f.StaffNumber, f.OccurredOn, f.Revocation is not null)).Should().BeEquivalentTo(
            [("R2001", "2026-01-15", false), ("T1002", "2026-01-15", false), ("T1003", "2026-01-15", true), ("T2001", "2026-01-15", false)],
            "one a member, never a second, and the revoked one stays revoked");
        (await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport })).MovedCount.Should().Be(0);
        (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1003", Year = 2026 })).Scorecard.Items
            .Single(i => i.Code == "ACHIEVEMENT").Score.Should().Be("16", "the revoked fact stays revoked");
        (await CycleAsync("T1003")).SubState.Should().Be(CycleSubState.SecondHalf, "the first half closed on time");
        (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026 })).Reports.Should().HaveCount(5, "Q1 and Q2 for two branches, and the H1 summary");
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().BeEmpty();
    }

    [Fact]
    public async Task ADeadlineThatPassesAfterALateOpening_IsEnforced()
    {
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 8, 3, 10, 0, 0, Shanghai));
        await OpenAsync();
        await Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = "T1002", Half = HalfYear.Second, Content = "述绩" });

        await RestartAcrossAsync(12, 11, 0, 5);

        (await CycleAsync("T1003")).SecondHalfDeclarationMissing.Should().BeTrue("12-10 passed after the year was opened");
        (await CycleAsync("T1003")).FirstHalfDeclarationMissing.Should().BeFalse("07-10 had passed before");
        (await CycleAsync("T1002")).SecondHalfDeclarationMissing.Should().BeFalse();
    }

    /// <summary>Moves the clock to a Shanghai moment of 2026 and sweeps, as a trigger there would (there may be none).</summary>
    private async Task MoveClockAsync(int month, int day, int hour, int minute = 0)
    {
        Service.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, Shanghai));
        await RunScheduleNowAsync();
    }

    private async Task RestartAcrossAsync(int month, int day, int hour, int minute = 0, int year = 2026)
    {
        await Service.RestartAsync(clockWhileDown: new DateTimeOffset(year, month, day, hour, minute, 0, Shanghai));
        await Service.ScheduleCaughtUpAsync();
    }

    private Task<RecordEventResponse> RecordAsync(string staffNumber, string kind, string occurredOn, int count = 1) =>
        Assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = occurredOn, Count = count, RequestId = $"{kind}-{staffNumber}-{occurredOn}-{count}" },
        }).ResponseAsync;

    private Task<SubmitDeclarationResponse> DeclareAsync(string staffNumber, HalfYear half) =>
        Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = staffNumber, Half = half, Content = "完成承诺事项" }).ResponseAsync;

    private static DetermineRequest Determination(string staffNumber, Rating rating) => new()
    {
        Year = 2026, StaffNumber = staffNumber, Rating = rating, PeerReviewSummary = "党员互评：表现良好", SecretaryComment = "书记点评：继续保持",
    };

    private async Task<string> DetermineAsync(string staffNumber, Rating rating) =>
        (await Workflow.DetermineAsync(Determination(staffNumber, rating))).Cycle.Determination.TotalScore;

    private async Task<Dictionary<string, string>> ScorecardsAsync()
    {
        var totals = new Dictionary<string, string>();
        foreach (var branch in new[] { "B01", "B02" })
        {
            var page = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = branch, Year = 2026, PageSize = 50 });
            foreach (var card in page.Scorecards)
            {
                totals[card.Scorecard.StaffNumber] = card.Scorecard.TotalScore;
            }
        }

        return totals;
    }

    private async Task<List<string>> LedgerKeysAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().ScheduleRuns.Where(r => r.Year == 2026).Select(r => r.Key).ToListAsync();
    }

    private async Task<List<string>> ScheduleKeysAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var year = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Years.SingleAsync(y => y.Year == 2026);
        return YearSchedule.For(year, TimeZoneInfo.FindSystemTimeZoneById(year.TimeZone)).Select(e => e.Key).ToList();
    }

    private async Task<byte[]> DocumentAsync<T>(Func<DocumentService.DocumentServiceClient, AsyncServerStreamingCall<T>> call, Func<T, DocumentChunk> chunkOf) =>
        (await Download.FromGrpcAsync(call(new DocumentService.DocumentServiceClient(Service.Channel)), chunkOf)).Bytes;
}
