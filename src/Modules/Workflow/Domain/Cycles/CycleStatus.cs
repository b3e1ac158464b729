namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// The states of a member's yearly cycle (docs/domain.md §3). <see cref="SelfReport"/> is only a
/// superstate: a cycle in 述绩 is stored as <see cref="FirstHalf"/> or <see cref="SecondHalf"/>.
/// </summary>
internal enum CycleStatus
{
    Commitment = 1,
    SelfReport = 2,
    FirstHalf = 3,
    SecondHalf = 4,
    MassReview = 5,
    Publicity = 6,
    Determination = 7,
    Application = 8,
    Closed = 9,
}
