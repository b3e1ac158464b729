using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using static Chuangji.Workflow.Modules.Workflow.Domain.Cycles.CycleStatus;
using static Chuangji.Workflow.Modules.Workflow.Domain.Cycles.CycleTrigger;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

public sealed class CycleMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Every state with the triggers it permits, worked out from domain.md §3.</summary>
    public static TheoryData<string, string[]> Permitted => new()
    {
        { nameof(Commitment), [nameof(SubmitCommitment), nameof(CloseCommitmentPhase)] },
        { nameof(FirstHalf), [nameof(SubmitFirstHalfDeclaration), nameof(CloseFirstHalf), nameof(CloseSelfReport)] },
        { nameof(SecondHalf), [nameof(SubmitSecondHalfDeclaration), nameof(CloseSelfReport)] },
        { nameof(MassReview), [nameof(SubmitOpinion), nameof(CloseMassReview)] },
        { nameof(Publicity), [nameof(RaiseObjection), nameof(ResolveObjection), nameof(EndPublicity)] },
        { nameof(Determination), [nameof(Determine), nameof(Reopen)] },
        { nameof(Application), [nameof(ApplyOutcome), nameof(Reopen)] },
        { nameof(Closed), [nameof(Reopen)] },
    };

    /// <summary>Where each permitted trigger leads.</summary>
    public static TheoryData<string, string, string> Transitions => new()
    {
        { nameof(Commitment), nameof(SubmitCommitment), nameof(FirstHalf) },
        { nameof(Commitment), nameof(CloseCommitmentPhase), nameof(FirstHalf) },
        { nameof(FirstHalf), nameof(SubmitFirstHalfDeclaration), nameof(SecondHalf) },
        { nameof(FirstHalf), nameof(CloseFirstHalf), nameof(SecondHalf) },
        { nameof(FirstHalf), nameof(CloseSelfReport), nameof(MassReview) },
        { nameof(SecondHalf), nameof(SubmitSecondHalfDeclaration), nameof(MassReview) },
        { nameof(SecondHalf), nameof(CloseSelfReport), nameof(MassReview) },
        { nameof(MassReview), nameof(SubmitOpinion), nameof(MassReview) },
        { nameof(MassReview), nameof(CloseMassReview), nameof(Publicity) },
        { nameof(Publicity), nameof(RaiseObjection), nameof(Publicity) },
        { nameof(Publicity), nameof(ResolveObjection), nameof(Publicity) },
        { nameof(Publicity), nameof(EndPublicity), nameof(Determination) },
        { nameof(Determination), nameof(Determine), nameof(Application) },
        { nameof(Determination), nameof(Reopen), nameof(Publicity) },
        { nameof(Application), nameof(ApplyOutcome), nameof(Closed) },
        { nameof(Application), nameof(Reopen), nameof(Determination) },
        { nameof(Closed), nameof(Reopen), nameof(Determination) },
    };

    private static Cycle InState(CycleStatus status, bool publicityOver = true)
    {
        var cycle = Cycle.Open(2026, 1, "T1002", "B01", publicityDays: 5);
        return cycle
            .With(c => c.Status, status)
            .With(c => c.PublicityStartedAtUtcTicks, (publicityOver ? Now.AddDays(-5) : Now.AddDays(-4)).UtcTicks);
    }

    [Theory]
    [MemberData(nameof(Permitted))]
    public void EveryTrigger_IsPermittedExactlyInItsStates(string state, string[] permittedTriggers)
    {
        var status = Enum.Parse<CycleStatus>(state);
        var permitted = permittedTriggers.Select(Enum.Parse<CycleTrigger>).ToList();
        foreach (var trigger in Enum.GetValues<CycleTrigger>())
        {
            InState(status).Permits(trigger, Now, out _).Should().Be(permitted.Contains(trigger), "{0} in {1}", trigger, status);
        }
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Fire_WhenPermitted_MovesAndLogsTheStep(string fromState, string triggerName, string toState)
    {
        var (from, trigger, to) = (Enum.Parse<CycleStatus>(fromState), Enum.Parse<CycleTrigger>(triggerName), Enum.Parse<CycleStatus>(toState));
        var cycle = InState(from);

        cycle.Fire(trigger, "secretary-B01", "note", Now);

        cycle.Status.Should().Be(to);
        cycle.Version.Should().Be(2);
        cycle.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new CycleTransition
        {
            AtUtcTicks = Now.UtcTicks, Actor = "secretary-B01", Trigger = trigger, From = from, To = to, Note = "note",
        });
    }

    [Fact]
    public void Fire_WhenTheStateDoesNotPermit_IsRefusedNamingStateAndPermittedActionsAndChangesNothing()
    {
        var cycle = InState(Commitment);
        var applied = false;

        var fire = () => cycle.Fire(Determine, "secretary-B01", "", Now, () => applied = true);

        var refusal = fire.Should().Throw<FailedPreconditionException>().Which;
        refusal.State.Should().Be("CYCLE_STATE_COMMITMENT");
        refusal.PermittedActions.Should().Equal("SubmitCommitment", "AdvancePhase to CYCLE_STATE_SELF_REPORT");
        (cycle.Status, cycle.Version, cycle.History.Count, applied).Should().Be((Commitment, 1L, 0, false));
    }

    [Fact]
    public void EndPublicity_WhileTheWindowIsOpen_IsRefusedSayingSo()
    {
        var cycle = InState(Publicity, publicityOver: false);

        cycle.Permits(EndPublicity, Now, out var reason).Should().BeFalse();

        reason.Should().Be("not yet true: the publicity window is over (it ends 2026-12-21 02:00 UTC)", "without the year's calendar, the end is named in UTC");
        cycle.PermittedActions(Now).Should().NotContain("AdvancePhase to CYCLE_STATE_DETERMINATION");
    }

    [Fact]
    public void EveryTrigger_IsTakenThroughAnRpcOfTheContract()
    {
        var rpcs = Chuangji.Workflow.V1.WorkflowService.Descriptor.Methods.Select(m => m.Name).ToList();

        Enum.GetValues<CycleTrigger>().Select(CycleActions.RpcOf).Should().OnlyContain(rpc => rpcs.Contains(rpc));
    }

    [Fact]
    public void EndPublicity_WhileAnObjectionIsOpen_IsRefusedEvenAfterTheWindow()
    {
        var cycle = InState(Publicity);
        cycle.WithObjection(new Objection { Status = ObjectionStatus.Open, Content = "扣分有误" });

        cycle.Permits(EndPublicity, Now, out var reason).Should().BeFalse();

        reason.Should().Be("not yet true: every objection is resolved");
    }
}
