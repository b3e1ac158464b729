using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Tests.Workflow.Calendars;

namespace Chuangji.Workflow.Tests.Workflow.Schedule;

/// <summary>The default calendar of 2026 (domain.md §4) as the moments of its schedule, worked out by hand in Asia/Shanghai (UTC+8).</summary>
public sealed class YearScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static IReadOnlyList<ScheduledEvent> Schedule2026() =>
        YearSchedule.For(WorkflowYear.Open(CalendarResolver.Resolve(DefaultCalendar.Load(), 2026), "leadership", DateTimeOffset.UnixEpoch), Shanghai);

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void EachDeadline_ClosesItsPhaseWhenItsDayIsOver()
    {
        var closings = Schedule2026().Where(e => e.Work is ScheduledWork.CloseCommitment or ScheduledWork.CloseFirstHalf or ScheduledWork.CloseSelfReport)
            .Select(e => (e.Work, e.At)).ToList();

        closings.Should().Equal(
            (ScheduledWork.CloseCommitment, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(8))),
            (ScheduledWork.CloseFirstHalf, new DateTimeOffset(2026, 7, 11, 0, 0, 0, TimeSpan.FromHours(8))),
            (ScheduledWork.CloseSelfReport, new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Reminders_GoAtNineSevenThreeAndOneDaysBeforeEachDeadline()
    {
        var commitment = Schedule2026().Where(e => e.Deadline == Deadline.Commitment).Select(e => (e.At, e.DaysBefore)).ToList();
        var meeting = Schedule2026().Where(e => e.Deadline == Deadline.BranchMeeting).Select(e => (e.Work, e.At, e.DaysBefore)).ToList();

        commitment.Should().Equal((Local(1, 24, 9), 7), (Local(1, 28, 9), 3), (Local(1, 30, 9), 1));
        meeting.Should().Equal(
            (ScheduledWork.SecretaryReminder, Local(12, 24, 9), 7),
            (ScheduledWork.SecretaryReminder, Local(12, 28, 9), 3),
            (ScheduledWork.SecretaryReminder, Local(12, 30, 9), 1));
    }

    [Fact]
    public void Checks_AreMadeAtEightInTheEveningOfTheirDay_TheHalfYearSummaryAfterTheQuarter()
    {
        var checks = Schedule2026().Where(e => e.Work is ScheduledWork.QuarterlyCheck or ScheduledWork.HalfYearCheck).Select(e => (e.Work, e.At)).ToList();

        checks.Should().Equal(
            (ScheduledWork.QuarterlyCheck, Local(3, 31, 20)),
            (ScheduledWork.QuarterlyCheck, Local(6, 30, 20)),
            (ScheduledWork.HalfYearCheck, Local(6, 30, 20)),
            (ScheduledWork.QuarterlyCheck, Local(9, 30, 20)),
            (ScheduledWork.QuarterlyCheck, Local(12, 31, 20)),
            (ScheduledWork.HalfYearCheck, Local(12, 31, 20)));
    }

    [Fact]
    public void EveryEvent_HasItsOwnKey_AndTheYearHasTwentyFour()
    {
        var schedule = Schedule2026();

        schedule.Should().HaveCount(3 + (5 * 3) + 4 + 2);
        schedule.Select(e => e.Key).Should().OnlyHaveUniqueItems();
        schedule.Should().BeInAscendingOrder(e => e.At);
        schedule.Single(e => e.Deadline == Deadline.Materials && e.DaysBefore == 3).Key.Should().Be("2026/SecretaryReminder/2026-11-20/Materials/3");
    }
}
