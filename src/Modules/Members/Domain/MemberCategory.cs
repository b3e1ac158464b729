namespace Chuangji.Workflow.Modules.Members.Domain;

internal enum MemberCategory
{
    InService = 1,
    Retired = 2,
}
