namespace Chuangji.Workflow.Workflow.Domain.Reminders;

internal enum ReminderRecipient
{
    Member = 1,
    BranchSecretary = 2,
}
