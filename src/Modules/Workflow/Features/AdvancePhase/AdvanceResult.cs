using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

internal sealed record AdvanceResult(string StaffNumber, bool Moved, string Reason, CycleStatus Status);
