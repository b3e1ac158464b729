using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.Advance;

internal sealed record AdvanceResult(string StaffNumber, bool Moved, string Reason, CycleStatus Status);
