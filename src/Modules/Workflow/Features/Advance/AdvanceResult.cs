using Chuangji.Workflow.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Workflow.Features.Advance;

internal sealed record AdvanceResult(string StaffNumber, bool Moved, string Reason, CycleStatus Status);
