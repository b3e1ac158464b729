using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

public sealed class CycleStepsGrpcTests : WorkflowFixture
{
    [Fact]
    public async Task ARefusedStep_NamesTheStateAndThePermittedActionsAndChangesNothing()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var error = await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "再次承诺" })
            .ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("CYCLE_STATE_SELF_REPORT/CYCLE_SUB_STATE_FIRST_HALF");
        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Be(
            "SubmitDeclaration for HALF_YEAR_FIRST,AdvancePhase to CYCLE_STATE_SELF_REPORT / CYCLE_SUB_STATE_SECOND_HALF,AdvancePhase to CYCLE_STATE_MASS_REVIEW");
        var cycle = await CycleAsync("T1002");
        (cycle.Commitment, cycle.Version, cycle.History.Count).Should().Be(("带头完成教学任务，联系两名学困生", 2L, 1));
    }

    [Fact]
    public async Task GetCycle_ListsThePermittedActionsOfTheState()
    {
        await OpenAsync();

        var cycle = await CycleAsync("T1002");

        cycle.PermittedActions.Should().Equal("SubmitCommitment", "AdvancePhase to CYCLE_STATE_SELF_REPORT");
    }

    [Fact]
    public async Task TwoCommitmentsAtOnceOnTheSameVersion_OneWinsTheOtherIsAborted()
    {
        await OpenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await CommitAsync("T1002", expectedVersion: 1);
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        outcomes.Count(o => o == StatusCode.OK).Should().Be(1);
        outcomes.Where(o => o != StatusCode.OK).Should().OnlyContain(o => o == StatusCode.Aborted);
        (await CycleAsync("T1002")).History.Should().ContainSingle(t => t.Trigger == "SubmitCommitment");
    }

    [Fact]
    public async Task ConcurrentStepsWithoutAVersion_NeverApplyTwice()
    {
        await OpenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await CommitAsync("T1002");
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        outcomes.Count(o => o == StatusCode.OK).Should().Be(1);
        outcomes.Where(o => o != StatusCode.OK).Should().OnlyContain(o => o == StatusCode.Aborted || o == StatusCode.FailedPrecondition);
        var cycle = await CycleAsync("T1002");
        (cycle.Version, cycle.History.Count).Should().Be((2L, 1));
    }

    [Fact]
    public async Task AStep_WhenTheYearIsNotOpen_IsNotFoundNamingYear()
    {
        var error = await Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "x" })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("year");
    }

    [Fact]
    public async Task AStep_WhenTheMemberIsUnknown_IsNotFoundNamingStaffNumber()
    {
        await OpenAsync();

        var error = await Workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T9999" }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("staff_number");
    }

    [Fact]
    public async Task SubmitDeclaration_WhenHalfOrContentIsMissing_IsInvalidArgumentNamingBoth()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var error = await Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = "T1002" }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().BeEquivalentTo("half", "content");
    }

    [Fact]
    public async Task SubmitOpinion_WhenRetried_CountsOnce()
    {
        await OpenAsync();
        await AdvanceToMassReviewAsync();
        var request = new SubmitOpinionRequest { Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Symposium, Content = "很好", Author = "教师代表", RequestId = "sym-1" };

        await Workflow.SubmitOpinionAsync(request);
        var retry = await Workflow.SubmitOpinionAsync(request);

        (retry.OpinionCount, retry.Replayed).Should().Be((1, true));
    }

    [Fact]
    public async Task SubmitOpinion_WhenAnonymousButNamed_IsInvalidArgumentNamingAuthor()
    {
        await OpenAsync();
        await AdvanceToMassReviewAsync();

        var error = await Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Online, Content = "x", Author = "某人", Anonymous = true, RequestId = "o-1",
        }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("author");
    }

    [Fact]
    public async Task SubmitOpinion_OutsideMassReview_IsFailedPrecondition()
    {
        await OpenAsync();

        var error = await Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Online, Content = "x", Anonymous = true, RequestId = "o-1",
        }).ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("CYCLE_STATE_COMMITMENT");
    }

    [Fact]
    public async Task AdvancePhase_WhenTheTargetIsAPerMemberStep_IsInvalidArgumentNamingTheTarget()
    {
        await OpenAsync();

        var error = await Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Closed }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("target_state");
    }

    [Fact]
    public async Task AdvancePhase_WhenACycleIsTwoPhasesBehind_LeavesItWithTheReason()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var response = await AdvanceAsync(CycleState.MassReview);

        response.Results.Single(r => r.StaffNumber == "T1002").Moved.Should().BeTrue();
        response.Results.Single(r => r.StaffNumber == "T1003").Reason.Should().StartWith("in CYCLE_STATE_COMMITMENT: AdvancePhase to CYCLE_STATE_MASS_REVIEW is not a step of CYCLE_STATE_COMMITMENT");
    }

    [Fact]
    public async Task ResolveObjection_WhenUpheldWithUnknownFacts_IsInvalidArgumentAndTheObjectionStaysOpen()
    {
        await OpenAsync();
        await AdvanceToMassReviewAsync();
        await AdvanceAsync(CycleState.Publicity);
        var objection = await Workflow.RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1002", Content = "有误" });

        var error = await Workflow.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            Year = 2026, StaffNumber = "T1002", ObjectionId = objection.ObjectionId, Upheld = true, Resolution = "更正", CorrectedFactIds = { 424242 },
        }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("corrected_fact_ids");
        (await CycleAsync("T1002")).Objections.Single().Status.Should().Be(ObjectionStatus.Open);
    }

    [Fact]
    public async Task ResolveObjection_WhenUpheldCitingAnotherMembersFact_IsInvalidArgument()
    {
        await OpenAsync();
        var other = (await Assessment.RecordEventAsync(new Chuangji.Assessment.V1.RecordEventRequest
        {
            Fact = new Chuangji.Assessment.V1.FactInput { StaffNumber = "T2001", Kind = "MEETING_LATE", OccurredOn = "2026-01-04", Count = 1, RequestId = "t2001-late" },
        })).Fact;
        await AdvanceToMassReviewAsync();
        await AdvanceAsync(CycleState.Publicity);
        var objection = await Workflow.RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1002", Content = "有误" });

        var error = await Workflow.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            Year = 2026, StaffNumber = "T1002", ObjectionId = objection.ObjectionId, Upheld = true, Resolution = "更正", CorrectedFactIds = { other.FactId },
        }).ShouldFailWith(StatusCode.InvalidArgument);

        error.Status.Detail.Should().Contain("must name facts of T1002");
        (await CycleAsync("T1002")).Objections.Single().Status.Should().Be(ObjectionStatus.Open);
    }

    private async Task AdvanceToMassReviewAsync()
    {
        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);
    }
}
