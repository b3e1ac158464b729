namespace Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

/// <summary>The deadlines reminded of: three are the members' own, two the branch secretaries'.</summary>
internal enum Deadline
{
    Commitment = 1,
    FirstHalfDeclaration = 2,
    SecondHalfDeclaration = 3,
    Materials = 4,
    BranchMeeting = 5,
}
