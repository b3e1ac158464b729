namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>What the schedule does at a moment of the year's calendar.</summary>
internal enum ScheduledWork
{
    CloseCommitment = 1,
    CloseFirstHalf = 2,
    CloseSelfReport = 3,
    MemberReminder = 4,
    SecretaryReminder = 5,
    QuarterlyCheck = 6,
    HalfYearCheck = 7,
}
