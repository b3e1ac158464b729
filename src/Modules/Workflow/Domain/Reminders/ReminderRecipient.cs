namespace Chuangji.Workflow.Modules.Workflow.Domain.Reminders;

internal enum ReminderRecipient
{
    Member = 1,
    BranchSecretary = 2,
}
