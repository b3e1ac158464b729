namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

internal enum Rating
{
    Excellent = 1,
    Qualified = 2,
    BasicallyQualified = 3,
    Unqualified = 4,
}
