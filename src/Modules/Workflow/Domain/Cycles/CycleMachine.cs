using System.Globalization;
using Stateless;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// The yearly cycle of docs/domain.md §3 as a Stateless machine over a cycle's stored status. Guards are
/// synchronous with descriptions, so a refusal can say what stands in the way; deadlines are not in the
/// machine (the scheduler fires the closing triggers).
/// </summary>
internal static class CycleMachine
{
    /// <summary>The machine over <paramref name="cycle"/>'s status, written through <paramref name="setStatus"/>: only the cycle can hand out its setter.</summary>
    public static StateMachine<CycleStatus, CycleTrigger> For(Cycle cycle, DateTimeOffset now, Action<CycleStatus> setStatus)
    {
        var machine = new StateMachine<CycleStatus, CycleTrigger>(() => cycle.Status, setStatus);

        machine.Configure(CycleStatus.Commitment)
            .Permit(CycleTrigger.SubmitCommitment, CycleStatus.FirstHalf)
            .Permit(CycleTrigger.CloseCommitmentPhase, CycleStatus.FirstHalf);

        machine.Configure(CycleStatus.SelfReport)
            .Permit(CycleTrigger.CloseSelfReport, CycleStatus.MassReview);

        machine.Configure(CycleStatus.FirstHalf)
            .SubstateOf(CycleStatus.SelfReport)
            .Permit(CycleTrigger.SubmitFirstHalfDeclaration, CycleStatus.SecondHalf)
            .Permit(CycleTrigger.CloseFirstHalf, CycleStatus.SecondHalf);

        machine.Configure(CycleStatus.SecondHalf)
            .SubstateOf(CycleStatus.SelfReport)
            .Permit(CycleTrigger.SubmitSecondHalfDeclaration, CycleStatus.MassReview);

        machine.Configure(CycleStatus.MassReview)
            .InternalTransition(CycleTrigger.SubmitOpinion, () => { })
            .Permit(CycleTrigger.CloseMassReview, CycleStatus.Publicity);

        machine.Configure(CycleStatus.Publicity)
            .InternalTransition(CycleTrigger.RaiseObjection, () => { })
            .InternalTransition(CycleTrigger.ResolveObjection, () => { })
            .PermitIf(
                CycleTrigger.EndPublicity,
                CycleStatus.Determination,
                Tuple.Create<Func<bool>, string>(() => cycle.PublicityEndsAt is { } ends && now >= ends, PublicityOver(cycle)),
                Tuple.Create<Func<bool>, string>(() => !cycle.HasOpenObjections, "every objection is resolved"));

        machine.Configure(CycleStatus.Determination)
            .Permit(CycleTrigger.Determine, CycleStatus.Application)
            .Permit(CycleTrigger.Reopen, CycleStatus.Publicity);

        machine.Configure(CycleStatus.Application)
            .Permit(CycleTrigger.ApplyOutcome, CycleStatus.Closed)
            .Permit(CycleTrigger.Reopen, CycleStatus.Determination);

        machine.Configure(CycleStatus.Closed)
            .Permit(CycleTrigger.Reopen, CycleStatus.Determination);

        return machine;
    }

    /// <summary>"the publicity window is over (it ends 2026-12-23 10:00 Asia/Shanghai)": when, in the year's time zone.</summary>
    private static string PublicityOver(Cycle cycle)
    {
        if (cycle.PublicityEndsAt is not { } ends)
        {
            return "the publicity window is over";
        }

        var zone = cycle.Calendar is { } calendar && TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return string.Create(CultureInfo.InvariantCulture, $"the publicity window is over (it ends {TimeZoneInfo.ConvertTime(ends, zone):yyyy-MM-dd HH:mm} {zone.Id})");
    }
}
