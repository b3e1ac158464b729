using Chuangji.Assessment.V1;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CycleTrigger = Chuangji.Workflow.Modules.Workflow.Domain.Cycles.CycleTrigger;

namespace Chuangji.Workflow.Tests.Workflow.Years;

/// <summary>2026 for the college, from opening the year to closed cycles, through the real service.</summary>
public sealed class WholeYearTests : WorkflowFixture
{
    private Task<RecordEventResponse> RecordAsync(string staffNumber, string kind, string occurredOn, int count, string requestId) =>
        Assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = occurredOn, Count = count, RequestId = requestId, RecordedBy = "secretary" },
        }).ResponseAsync;

    [Fact]
    public async Task AYear_RunsFromCommitmentToClosedForEveryKindOfMember()
    {
        // 承诺: the year opens with every active member in COMMITMENT; T2001 never commits.
        var opened = await OpenAsync();
        opened.Opened.Should().BeTrue();
        opened.Year.Cycles.Should().ContainSingle().Which.Should().BeEquivalentTo(new StateCount { State = CycleState.Commitment, Cycles = 4 });
        foreach (var member in new[] { "T1002", "T1003", "R2001" })
        {
            (await CommitAsync(member)).Cycle.State.Should().Be(CycleState.SelfReport);
        }

        SetClock(2, 1);
        var closeCommitment = await AdvanceAsync(CycleState.SelfReport);
        closeCommitment.Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("T2001");
        closeCommitment.Results.Single(r => r.StaffNumber == "T1002").Reason.Should().Be("already in CYCLE_STATE_SELF_REPORT/CYCLE_SUB_STATE_FIRST_HALF");
        (await AdvanceAsync(CycleState.SelfReport)).MovedCount.Should().Be(0, "repeating an advance changes nothing");
        (await CycleAsync("T2001")).CommitmentMissing.Should().BeTrue();
        var noCommitment = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T2001" })).Facts.Should().ContainSingle().Subject;
        (noCommitment.Kind, noCommitment.OccurredOn).Should().Be(("NO_COMMITMENT", "2026-01-31"));

        // Facts of the year: T1003 late dues (wrongly three times) and absences; R2001 a veto.
        SetClock(6, 20);
        var dues = await RecordAsync("T1003", "DUES_LATE", "2026-03-01", 3, "dues-T1003");
        await RecordAsync("T1003", "MEETING_ABSENCE", "2026-04-01", 5, "absence-T1003");
        await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-03-02", 1, "veto-R2001");
        foreach (var member in new[] { "T1002", "T1003" })
        {
            // What the year's own rules ask of an in-service member: thought reports, assistance, good deeds.
            await RecordAsync(member, "THOUGHT_REPORT", "2026-03-10", 1, $"thought-h1-{member}");
            await RecordAsync(member, "ASSISTANCE_HARDSHIP", "2026-04-10", 1, $"hardship-{member}");
            await RecordAsync(member, "ASSISTANCE_STRUGGLING", "2026-04-11", 5, $"struggling-{member}");
            await RecordAsync(member, "GOOD_DEED", "2026-05-10", 2, $"deeds-{member}");
        }

        // 述绩: three declare the first half; the deadline marks T2001's as missing.
        foreach (var member in new[] { "T1002", "T1003", "R2001" })
        {
            (await DeclareAsync(member, HalfYear.First)).Cycle.SubState.Should().Be(CycleSubState.SecondHalf);
        }

        SetClock(7, 11);
        (await AdvanceAsync(CycleState.SelfReport, CycleSubState.SecondHalf)).Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("T2001");
        (await CycleAsync("T2001")).FirstHalfDeclarationMissing.Should().BeTrue();
        (await DeclareAsync("T1002", HalfYear.Second)).Cycle.State.Should().Be(CycleState.MassReview);

        SetClock(12, 11);
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-09-10", 1, "thought-h2-T1002");
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-09-11", 1, "thought-h2-T1003");
        (await AdvanceAsync(CycleState.MassReview)).Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("R2001", "T1003", "T2001");
        (await CycleAsync("T2001")).SecondHalfDeclarationMissing.Should().BeTrue();
        (await CycleAsync("T1002")).SecondHalfDeclarationMissing.Should().BeFalse();

        // 评绩: a named opinion and an anonymous one.
        (await Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Forum, Content = "备课认真", Author = "学生代表", RequestId = "forum-1",
        })).OpinionCount.Should().Be(1);
        (await Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = "T1003", Channel = OpinionChannel.SuggestionBox, Content = "希望多辅导", Anonymous = true, RequestId = "box-7",
        })).OpinionCount.Should().Be(1);

        // 亮绩: five days of publicity; T1003 objects to the dues.
        SetClock(12, 18);
        (await AdvanceAsync(CycleState.Publicity)).MovedCount.Should().Be(4);
        var objection = await Workflow.RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1003", Content = "党费只迟交过一次", Actor = "T1003" });

        SetClock(12, 20);
        var tooEarly = await AdvanceAsync(CycleState.Determination);
        tooEarly.MovedCount.Should().Be(0);
        tooEarly.Results.Single(r => r.StaffNumber == "T1002").Reason.Should().Be("in CYCLE_STATE_PUBLICITY: not yet true: the publicity window is over (it ends 2026-12-23 10:00 Asia/Shanghai)");

        SetClock(12, 23);
        var blocked = await AdvanceAsync(CycleState.Determination);
        blocked.Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("R2001", "T1002", "T2001");
        blocked.Results.Single(r => r.StaffNumber == "T1003").Reason.Should().Be("in CYCLE_STATE_PUBLICITY: not yet true: every objection is resolved");

        // Upheld: the three-count dues fact is revoked and replaced by one of count 1.
        await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = dues.Fact.FactId, Reason = "异议成立：只迟交一次" });
        var corrected = await RecordAsync("T1003", "DUES_LATE", "2026-03-01", 1, "dues-T1003-corrected");
        await Workflow.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            Year = 2026, StaffNumber = "T1003", ObjectionId = objection.ObjectionId, Upheld = true, Resolution = "核实后更正为一次",
            CorrectedFactIds = { dues.Fact.FactId, corrected.Fact.FactId }, Actor = "secretary-B01",
        });
        (await AdvanceAsync(CycleState.Determination, branch: "B01")).Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("T1003");

        // 定绩 on 12-24, after the assessment period closed on 12-17: the whole year is judged, and both met its rules.
        // T1002 100 (eligible for 优秀); T1003 16-10 STUDY, 16-5 DISCIPLINE: 85 (合格); R2001 vetoed.
        SetClock(12, 24);
        var t1002 = await DetermineAsync("T1002", Rating.Excellent);
        t1002.Cycle.Determination.TotalScore.Should().Be("100");
        t1002.Cycle.State.Should().Be(CycleState.Application);
        (await Workflow.DetermineAsync(DetermineRequest("T1003", Rating.Excellent)).ShouldFailWith(StatusCode.InvalidArgument))
            .Status.Detail.Should().Contain("its total is 85");
        (await DetermineAsync("T1003", Rating.Qualified)).Cycle.Determination.TotalScore.Should().Be("85");
        (await Workflow.DetermineAsync(DetermineRequest("R2001", Rating.Qualified)).ShouldFailWith(StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("rating");
        await DetermineAsync("R2001", Rating.Unqualified);

        // 用绩: a help plan is mandatory for the unqualified; a commendation only for the excellent.
        (await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "R2001" }).ShouldFailWith(StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("help_plan");
        (await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "R2001", HelpPlan = "支部书记结对帮扶，每月谈心一次" })).Cycle.State.Should().Be(CycleState.Closed);
        (await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1003", Commendation = "表彰" }).ShouldFailWith(StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("commendation");
        (await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1003" })).Cycle.State.Should().Be(CycleState.Closed);
        var closed = await Workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1002", Commendation = "评为优秀共产党员" });
        closed.Cycle.State.Should().Be(CycleState.Closed);

        // The frozen scorecard does not move with later facts; the live one does.
        await RecordAsync("T1002", "MEETING_ABSENCE", "2026-12-24", 1, "late-absence-T1002");
        (await CycleAsync("T1002")).Determination.TotalScore.Should().Be("100");
        (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1002", Year = 2026 })).Scorecard.TotalScore.Should().Be("98");

        // The only way back: the leadership group reopens, with a reason, and it is logged.
        var reopened = (await Workflow.ReopenCycleAsync(new ReopenCycleRequest { Year = 2026, StaffNumber = "T1002", Reason = "补充材料后重新评定", Actor = "leadership" })).Cycle;
        reopened.State.Should().Be(CycleState.Determination);
        reopened.Determination.Should().BeNull();
        reopened.Outcome.Should().BeNull();
        reopened.History.Last().Should().BeEquivalentTo(new Transition
        {
            Actor = "leadership", Trigger = "Reopen", FromState = CycleState.Closed, ToState = CycleState.Determination, Note = "补充材料后重新评定",
            At = reopened.History.Last().At,
        });
        reopened.History.Select(t => t.Trigger).Should().Equal(
            "SubmitCommitment", "SubmitFirstHalfDeclaration", "SubmitSecondHalfDeclaration", "CloseMassReview", "EndPublicity", "Determine", "ApplyOutcome", "Reopen");

        var year = (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year;
        year.Cycles.Select(c => (c.State, c.Cycles)).Should().Equal((CycleState.Determination, 2), (CycleState.Closed, 2));
        await AnonymousOpinionKeepsNoIdentityAsync();
    }

    private DetermineRequest DetermineRequest(string staffNumber, Rating rating) => new()
    {
        Year = 2026, StaffNumber = staffNumber, Rating = rating, PeerReviewSummary = "党员互评：表现良好", SecretaryComment = "书记点评：继续保持", Actor = "secretary-B01",
    };

    private Task<DetermineResponse> DetermineAsync(string staffNumber, Rating rating) => Workflow.DetermineAsync(DetermineRequest(staffNumber, rating)).ResponseAsync;

    private async Task AnonymousOpinionKeepsNoIdentityAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var anonymous = await db.Opinions.SingleAsync(o => o.Anonymous);
        anonymous.Author.Should().BeEmpty();
        anonymous.RequestHash.Should().NotContain("box-7");
        anonymous.ReceivedOn.Should().Be(new DateOnly(2026, 12, 11));
        (await db.Cycles.Include(c => c.History).SingleAsync(c => c.StaffNumber == "T1003")).History
            .Should().NotContain(t => t.Trigger == CycleTrigger.SubmitOpinion);
    }
}
