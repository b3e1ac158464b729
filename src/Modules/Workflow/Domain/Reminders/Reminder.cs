namespace Chuangji.Workflow.Modules.Workflow.Domain.Reminders;

/// <summary>
/// One reminder to one recipient. <see cref="RecipientKey"/> ("member:T1002", "secretary:B01") with the
/// kind, the deadline and the days before is unique: each reminder is made exactly once.
/// </summary>
internal sealed class Reminder
{
    public long Id { get; set; }

    public int Year { get; set; }

    public ReminderKind Kind { get; set; }

    public ReminderRecipient Recipient { get; set; }

    public string RecipientKey { get; set; } = string.Empty;

    public string StaffNumber { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public DateOnly Deadline { get; set; }

    public int DaysBefore { get; set; }

    public string Message { get; set; } = string.Empty;

    public long CreatedAtUtcTicks { get; set; }

    public long? DeliveredAtUtcTicks { get; set; }

    public string DeliveredBy { get; set; } = string.Empty;

    public static string KeyOf(ReminderRecipient recipient, string staffNumber, string branchCode) =>
        recipient == ReminderRecipient.Member ? $"member:{staffNumber}" : $"secretary:{branchCode}";
}
