namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

internal enum HalfYear
{
    First = 1,
    Second = 2,
}
