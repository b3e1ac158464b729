namespace Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;

internal enum BonusItemStatus
{
    Proposed = 1,
    Approved = 2,
    Rejected = 3,
}
