using System.Globalization;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>The reminders' words, in Chinese, ready for the messaging bridge to send.</summary>
internal static class ReminderMessages
{
    public static ReminderKind KindOf(Deadline deadline) => deadline switch
    {
        Deadline.Commitment => ReminderKind.CommitmentDue,
        Deadline.FirstHalfDeclaration => ReminderKind.FirstHalfDeclarationDue,
        Deadline.SecondHalfDeclaration => ReminderKind.SecondHalfDeclarationDue,
        Deadline.Materials => ReminderKind.MaterialsDue,
        _ => ReminderKind.BranchMeetingDue,
    };

    /// <summary>The days left are counted from today, not taken from the reminder's slot: after downtime or a calendar change they differ.</summary>
    public static string ForMember(Deadline deadline, int year, DateOnly due, DateOnly today) => deadline switch
    {
        Deadline.Commitment => $"【先锋创绩】请于{Day(due)}前提交{year}年度公开承诺（{Left(due, today)}）。",
        Deadline.FirstHalfDeclaration => $"【先锋创绩】请于{Day(due)}前提交{year}年上半年述绩申报（{Left(due, today)}）。",
        _ => $"【先锋创绩】请于{Day(due)}前提交{year}年下半年述绩申报（{Left(due, today)}）。",
    };

    public static string ForSecretary(Deadline deadline, string branchName, DateOnly due, DateOnly today) => deadline switch
    {
        Deadline.Materials => $"【先锋创绩】{branchName}：请于{Day(due)}前完成五个环节材料的整理汇集（{Left(due, today)}）。",
        _ => $"【先锋创绩】{branchName}：请于{Day(due)}前召开年终支部党员大会定绩（{Left(due, today)}）。",
    };

    public static string ForFindings(string branchName, int year, int quarter, int withoutFacts, int withoutThoughtReport, int overdue) =>
        $"【先锋创绩】{branchName}：{year}年第{quarter}季度检查发现{withoutFacts}名党员本季度无登记事项，{withoutThoughtReport}名未交思想汇报，{overdue}名述绩逾期，详见检查报告。";

    private static string Left(DateOnly due, DateOnly today) =>
        due.DayNumber - today.DayNumber is var days and > 0 ? $"还有{days}天" : "今天截止";

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
