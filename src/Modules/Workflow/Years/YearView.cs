using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

namespace Chuangji.Workflow.Modules.Workflow.Years;

/// <summary>
/// A year with how many cycles stand in each state, the scheduled events that are failing, and the phases closed
/// without penalty because their deadline had passed before the year was opened.
/// </summary>
internal sealed record YearView(
    WorkflowYear Year,
    IReadOnlyDictionary<CycleStatus, int> CyclesByStatus,
    IReadOnlyList<ScheduleFailure> ScheduleFailures,
    IReadOnlyList<AdvanceTarget> ClosedWithoutPenalty);
