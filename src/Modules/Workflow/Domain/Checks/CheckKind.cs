namespace Chuangji.Workflow.Modules.Workflow.Domain.Checks;

internal enum CheckKind
{
    Quarterly = 1,
    HalfYear = 2,
}
