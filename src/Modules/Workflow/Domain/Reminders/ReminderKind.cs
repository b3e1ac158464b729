namespace Chuangji.Workflow.Modules.Workflow.Domain.Reminders;

internal enum ReminderKind
{
    CommitmentDue = 1,
    FirstHalfDeclarationDue = 2,
    SecondHalfDeclarationDue = 3,
    MaterialsDue = 4,
    BranchMeetingDue = 5,
    CheckFindings = 6,
}
