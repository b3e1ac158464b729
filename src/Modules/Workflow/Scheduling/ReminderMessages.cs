using System.Globalization;
using Chuangji.Workflow.Workflow.Domain.Reminders;
using Chuangji.Workflow.Workflow.Domain.Schedule;

namespace Chuangji.Workflow.Workflow.Scheduling;

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

    public static string ForMember(Deadline deadline, int year, DateOnly due, int daysBefore) => deadline switch
    {
        Deadline.Commitment => $"【先锋创绩】请于{Day(due)}前提交{year}年度公开承诺（还有{daysBefore}天）。",
        Deadline.FirstHalfDeclaration => $"【先锋创绩】请于{Day(due)}前提交{year}年上半年述绩申报（还有{daysBefore}天）。",
        _ => $"【先锋创绩】请于{Day(due)}前提交{year}年下半年述绩申报（还有{daysBefore}天）。",
    };

    public static string ForSecretary(Deadline deadline, string branchName, DateOnly due, int daysBefore) => deadline switch
    {
        Deadline.Materials => $"【先锋创绩】{branchName}：请于{Day(due)}前完成五个环节材料的整理汇集（还有{daysBefore}天）。",
        _ => $"【先锋创绩】{branchName}：请于{Day(due)}前召开年终支部党员大会定绩（还有{daysBefore}天）。",
    };

    public static string ForFindings(string branchName, int year, int quarter, int withoutFacts, int withoutThoughtReport, int overdue) =>
        $"【先锋创绩】{branchName}：{year}年第{quarter}季度检查发现{withoutFacts}名党员本季度无登记事项，{withoutThoughtReport}名未交思想汇报，{overdue}名述绩逾期，详见检查报告。";

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
