namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

internal enum ObjectionStatus
{
    Open = 1,
    Upheld = 2,
    Dismissed = 3,
}
