namespace Chuangji.Workflow.Members.Domain;

internal enum MemberCategory
{
    InService = 1,
    Retired = 2,
}
