namespace Chuangji.Workflow.Modules.Members.Domain;

internal enum MemberStatus
{
    Active = 1,
    TransferredOut = 2,
    Deceased = 3,
}
