namespace Chuangji.Workflow.Workflow.Domain.Checks;

internal enum CheckKind
{
    Quarterly = 1,
    HalfYear = 2,
}
