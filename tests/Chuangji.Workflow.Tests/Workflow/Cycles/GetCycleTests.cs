using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

/// <summary>What GetCycle tells a caller: only the steps this caller may take.</summary>
public sealed class GetCycleTests : WorkflowFixture
{
    [Fact]
    public async Task PermittedActions_AreThoseOfTheCaller_AMemberTheirOwnSteps_TheLeadershipEveryStep()
    {
        await OpenAsync();

        (await ActionsAsync(CallerRole.Member, "T1002")).Should().Equal("SubmitCommitment");
        (await ActionsAsync(CallerRole.Secretary, "T1001", "B01")).Should().Equal("SubmitCommitment");
        (await ActionsAsync(CallerRole.Leadership, "leadership")).Should().Equal("SubmitCommitment", "AdvancePhase to CYCLE_STATE_SELF_REPORT");
        (await ActionsAsync(CallerRole.System, "reports", scopes: [SystemScopes.Reports])).Should().BeEmpty("reporting reads, it takes no step");

        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);

        (await ActionsAsync(CallerRole.Member, "T1002")).Should().BeEmpty("opinions come from the masses, and closing mass review is the leadership group's");
        (await ActionsAsync(CallerRole.Secretary, "T1001", "B01")).Should().Equal("SubmitOpinion");
        (await ActionsAsync(CallerRole.Leadership, "leadership")).Should().Equal("SubmitOpinion", "AdvancePhase to CYCLE_STATE_PUBLICITY");
    }

    [Fact]
    public async Task ARefusedStep_NamesOnlyThePermittedActionsTheCallerMayTake()
    {
        await OpenAsync();
        using var channel = ChannelAs(CallerRole.Member, "T1002");
        var member = new WorkflowService.WorkflowServiceClient(channel);
        var commitment = new SubmitCommitmentRequest { Year = 2026, StaffNumber = "T1002", Commitment = "带头完成教学任务" };
        await member.SubmitCommitmentAsync(commitment);

        var error = await member.SubmitCommitmentAsync(commitment).ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Be("SubmitDeclaration for HALF_YEAR_FIRST");
        error.Status.Detail.Should().EndWith("permitted: SubmitDeclaration for HALF_YEAR_FIRST");
    }

    /// <summary>T1002's cycle as this caller sees it (a token issued on the clock as it stands).</summary>
    private async Task<IReadOnlyList<string>> ActionsAsync(CallerRole role, string subject, string? branch = null, IReadOnlyList<string>? scopes = null)
    {
        using var channel = ChannelAs(role, subject, branch, scopes);
        var cycle = (await new WorkflowService.WorkflowServiceClient(channel).GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1002" })).Cycle;
        return cycle.PermittedActions;
    }
}
