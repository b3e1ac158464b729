using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Advance;

public sealed class AdvancePhaseTests : WorkflowFixture
{
    [Fact]
    public async Task ClosingCommitment_MovesEveryCycleThatMay_RecordsNoCommitmentOnce_AndARepeatChangesNothing()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var first = await AdvanceAsync(CycleState.SelfReport);
        var repeat = await AdvanceAsync(CycleState.SelfReport);

        first.Results.Select(r => (r.StaffNumber, r.Moved)).Should().Equal(("R2001", true), ("T1002", false), ("T1003", true), ("T2001", true));
        first.Results.Single(r => r.StaffNumber == "T1002").Should().Match<AdvanceResult>(r => r.Reason.Contains("already in") && r.Blocker == AdvanceBlocker.AlreadyReached);
        first.Results.Where(r => r.Moved).Should().OnlyContain(r => r.Blocker == AdvanceBlocker.Unspecified, "a member who moved has nothing in the way");
        (first.MovedCount, first.NotMovedCount).Should().Be((3, 1));
        (repeat.MovedCount, repeat.NotMovedCount).Should().Be((0, 4));
        var t1003 = await CycleAsync("T1003");
        (t1003.State, t1003.SubState, t1003.CommitmentMissing, t1003.Version).Should().Be((CycleState.SelfReport, CycleSubState.FirstHalf, true, 2L));
        t1003.History.Should().ContainSingle().Which.Should().Match<Transition>(t =>
            t.Trigger == "CloseCommitmentPhase" && t.Actor == "leadership" && t.FromState == CycleState.Commitment && t.ToState == CycleState.SelfReport);
        (await NoCommitmentFactsAsync()).Should().Equal("R2001", "T1003", "T2001");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 500 })).Facts
            .Select(f => f.Note).Should().AllBe("未进行承诺：截止时未提交公开承诺", "the note is read by people, in Chinese");
    }

    [Fact]
    public async Task APreview_SaysWhoWouldMoveAndWhyNot_ButMovesNothing_RecordsNothing_AndLeavesNoAuditRecord()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var preview = await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport, ValidateOnly = true });
        var done = await AdvanceAsync(CycleState.SelfReport);

        preview.Results.Select(r => (r.StaffNumber, r.Moved)).Should().Equal(("R2001", true), ("T1002", false), ("T1003", true), ("T2001", true));
        preview.Results.Should().Equal(done.Results, "the preview is the answer the step then gives");
        (preview.MovedCount, preview.NotMovedCount).Should().Be((3, 1));
        (await NoCommitmentFactsAsync()).Should().Equal(["R2001", "T1003", "T2001"], "recorded once, by the step, not by the preview");
        var trail = (await new Chuangji.Audit.V1.AuditService.AuditServiceClient(Service.Channel).ListAuditAsync(new Chuangji.Audit.V1.ListAuditRequest())).Records
            .Where(r => r.Rpc.EndsWith("/AdvancePhase", StringComparison.Ordinal));
        trail.Should().ContainSingle("the preview changed nothing; the step did");
    }

    [Fact]
    public async Task APreview_OfAStep_ThenNotTaken_LeavesEveryCycleWhereItWas()
    {
        await OpenAsync();

        var preview = await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport, ValidateOnly = true });

        preview.MovedCount.Should().Be(4);
        var cycle = await CycleAsync("T1003");
        (cycle.State, cycle.CommitmentMissing, cycle.Version, cycle.History.Count).Should().Be((CycleState.Commitment, false, 1L, 0));
        (await NoCommitmentFactsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ClosingCommitment_WhenNoCommitmentCannotBeRecorded_MovesTheCycles_AndARepeatRecordsItOnce()
    {
        await OpenAsync();
        var table = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        var withoutKind = table.Clone();
        withoutKind.FactKinds.Remove(withoutKind.FactKinds.Single(k => k.Kind == "NO_COMMITMENT"));
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = withoutKind, Note = "no NO_COMMITMENT" });

        var error = await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport, Actor = "leadership" })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.Status.Detail.Should().Contain("the cycles moved").And.Contain("repeat the call");
        var trail = (await new Chuangji.Audit.V1.AuditService.AuditServiceClient(Service.Channel).ListAuditAsync(new Chuangji.Audit.V1.ListAuditRequest())).Records
            .Where(r => r.Rpc.EndsWith("/AdvancePhase", StringComparison.Ordinal)).Select(r => r.Outcome);
        trail.Should().Equal(["OK", "FAILED_PRECONDITION"], "the moved cycles are a committed change, and the refusal that followed is recorded too");
        (await CycleAsync("T1003")).CommitmentMissing.Should().BeTrue();
        (await NoCommitmentFactsAsync()).Should().BeEmpty();

        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = table, Note = "NO_COMMITMENT back" });
        var repaired = await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.SelfReport);

        repaired.MovedCount.Should().Be(0);
        (await NoCommitmentFactsAsync()).Should().Equal("R2001", "T1002", "T1003", "T2001");
        var scorecard = (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1003", Year = 2026 })).Scorecard;
        scorecard.Items.Single(i => i.Code == "ACHIEVEMENT").Score.Should().Be("13");
    }

    [Fact]
    public async Task CommitmentsRacingTheClose_EachMemberEndsCommittedOrMarkedMissing_NeverBoth()
    {
        var staff = Enumerable.Range(1, 30).Select(i => $"T3{i:D3}").ToList();
        await Members.ImportMembersAsync(new ImportMembersRequest { Members = { staff.Select(s => MembersFixtures.Registration(s, "B02")) } });
        await OpenAsync();

        var commits = staff.Select(async s =>
        {
            try
            {
                await CommitAsync(s);
                return (s, StatusCode.OK);
            }
            catch (RpcException exception)
            {
                return (s, exception.StatusCode);
            }
        }).ToList();
        var close = AdvanceAsync(CycleState.SelfReport);
        var outcomes = (await Task.WhenAll(commits)).ToDictionary(o => o.s, o => o.Item2);
        var closed = await close;

        outcomes.Values.Should().OnlyContain(c => c == StatusCode.OK || c == StatusCode.FailedPrecondition || c == StatusCode.Aborted);
        var missing = await NoCommitmentFactsAsync();
        foreach (var member in staff)
        {
            var cycle = await CycleAsync(member);
            var committed = outcomes[member] == StatusCode.OK;
            cycle.State.Should().Be(CycleState.SelfReport);
            (cycle.Commitment.Length > 0, cycle.CommitmentMissing, missing.Contains(member)).Should().Be((committed, !committed, !committed), member);
            cycle.History.Should().ContainSingle(member);
            closed.Results.Single(r => r.StaffNumber == member).Moved.Should().Be(!committed, member);
        }
    }

    [Fact]
    public async Task EndingPublicity_WhileTheWindowIsOpen_NamesWhenItEndsInShanghaiTime_ForABranchAndForEachMember()
    {
        await OpenAsync();
        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);
        SetClock(12, 18);
        await AdvanceAsync(CycleState.Publicity);
        SetClock(12, 20);

        var branch = await AdvanceAsync(CycleState.Determination, branch: "B01");

        branch.Results.Select(r => (r.StaffNumber, r.Moved, r.Reason, r.Blocker)).Should().Equal(
            new[] { "R2001", "T1002", "T1003" }.Select(s => (s, false, "in CYCLE_STATE_PUBLICITY: not yet true: the publicity window is over (it ends 2026-12-23 10:00 Asia/Shanghai)", AdvanceBlocker.ConditionUnmet)));

        // T2001's publicity starts again on a reopen: their window is their own.
        SetClock(12, 23);
        await AdvanceAsync(CycleState.Determination, branch: "B02");
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 12, 24, 15, 30, 0, TimeSpan.FromHours(8)));
        await Workflow.ReopenCycleAsync(new ReopenCycleRequest { Year = 2026, StaffNumber = "T2001", Reason = "公示材料有误，重新公示" });
        SetClock(12, 25);

        var college = await AdvanceAsync(CycleState.Determination);

        college.Results.Where(r => r.Moved).Select(r => r.StaffNumber).Should().Equal("R2001", "T1002", "T1003");
        college.Results.Single(r => r.StaffNumber == "T2001").Reason.Should().Be(
            "in CYCLE_STATE_PUBLICITY: not yet true: the publicity window is over (it ends 2026-12-29 15:30 Asia/Shanghai)");
    }

    [Fact]
    public async Task ACycleWhoseStateHasNoStepToTheTarget_IsNotAStep()
    {
        await OpenAsync();

        var skipped = await AdvanceAsync(CycleState.MassReview, branch: "B02");

        skipped.Results.Should().ContainSingle().Which.Should().Match<AdvanceResult>(r =>
            r.StaffNumber == "T2001" && !r.Moved && r.Blocker == AdvanceBlocker.NotAStep && r.State == CycleState.Commitment);
    }

    private async Task<List<string>> NoCommitmentFactsAsync() =>
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 500 })).Facts
        .Select(f => f.StaffNumber).Order(StringComparer.Ordinal).ToList();
}
