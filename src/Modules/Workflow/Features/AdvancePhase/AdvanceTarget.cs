using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

/// <summary>
/// A phase the leadership group (or the schedule, at a deadline) may close, the step that closes it, and when a
/// cycle is past it already. <see cref="WithoutPenalty"/>: the phase's deadline had passed when the year was opened,
/// so nothing is marked missing and nothing recorded (docs/domain.md §9); <see cref="FirstHalfWithoutPenalty"/> the same
/// for the first half, which the self-report close also judges.
/// </summary>
internal sealed record AdvanceTarget(CycleTrigger Trigger, CycleStatus Status, bool WithoutPenalty = false, bool FirstHalfWithoutPenalty = false)
{
    public static readonly AdvanceTarget CloseCommitment = new(CycleTrigger.CloseCommitmentPhase, CycleStatus.FirstHalf);
    public static readonly AdvanceTarget CloseFirstHalf = new(CycleTrigger.CloseFirstHalf, CycleStatus.SecondHalf);
    public static readonly AdvanceTarget CloseSelfReport = new(CycleTrigger.CloseSelfReport, CycleStatus.MassReview);
    public static readonly AdvanceTarget CloseMassReview = new(CycleTrigger.CloseMassReview, CycleStatus.Publicity);
    public static readonly AdvanceTarget EndPublicity = new(CycleTrigger.EndPublicity, CycleStatus.Determination);

    /// <summary>The phases a member deadline closes, in the order of the year.</summary>
    public static IReadOnlyList<AdvanceTarget> DeadlineCloses { get; } = [CloseCommitment, CloseFirstHalf, CloseSelfReport];

    private static readonly CycleStatus[] Order =
    [
        CycleStatus.Commitment, CycleStatus.FirstHalf, CycleStatus.SecondHalf, CycleStatus.MassReview,
        CycleStatus.Publicity, CycleStatus.Determination, CycleStatus.Application, CycleStatus.Closed,
    ];

    public bool Reached(CycleStatus status) => Array.IndexOf(Order, status) >= Array.IndexOf(Order, Status);

    /// <summary>The member deadline that closes this phase, if one does.</summary>
    public DateOnly? DeadlineIn(WorkflowYear year) => Trigger switch
    {
        CycleTrigger.CloseCommitmentPhase => year.CommitmentDue,
        CycleTrigger.CloseFirstHalf => year.FirstHalfReportDue,
        CycleTrigger.CloseSelfReport => year.SecondHalfReportDue,
        _ => null,
    };

    /// <summary>Whether the phase's deadline had passed (its day was over) when the year was opened: nobody could act in time.</summary>
    public bool DeadlinePassedBeforeOpening(WorkflowYear year) =>
        DeadlineIn(year) is { } deadline
        && YearSchedule.DayEnds(deadline, TimeZoneInfo.FindSystemTimeZoneById(year.TimeZone)).UtcTicks <= year.OpenedAtUtcTicks;

    /// <summary>This close as it applies to the year: without penalty when its deadline had passed before the year was opened.</summary>
    public AdvanceTarget For(WorkflowYear year) => this with
    {
        WithoutPenalty = DeadlinePassedBeforeOpening(year),
        FirstHalfWithoutPenalty = CloseFirstHalf.DeadlinePassedBeforeOpening(year),
    };

    public void Step(Cycle cycle, string actor, DateTimeOffset now)
    {
        switch (Trigger)
        {
            case CycleTrigger.CloseCommitmentPhase:
                cycle.CloseCommitmentPhase(actor, now, WithoutPenalty);
                break;
            case CycleTrigger.CloseFirstHalf:
                cycle.CloseFirstHalf(actor, now, WithoutPenalty);
                break;
            case CycleTrigger.CloseSelfReport:
                cycle.CloseSelfReport(actor, now, WithoutPenalty, FirstHalfWithoutPenalty || WithoutPenalty);
                break;
            case CycleTrigger.CloseMassReview:
                cycle.CloseMassReview(actor, now);
                break;
            default:
                cycle.EndPublicity(actor, now);
                break;
        }
    }
}
