using Chuangji.Workflow.Workflow.Domain.Cycles;
using Chuangji.Workflow.Workflow.Domain.Years;

namespace Chuangji.Workflow.Workflow.Features.Years;

/// <summary>A year with how many cycles stand in each state.</summary>
internal sealed record YearView(WorkflowYear Year, IReadOnlyDictionary<CycleStatus, int> CyclesByStatus);
