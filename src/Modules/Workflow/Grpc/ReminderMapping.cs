using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Google.Protobuf.WellKnownTypes;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

internal static class ReminderMapping
{
    public static Proto.Reminder ToProto(this Reminder reminder) => new()
    {
        Id = reminder.Id,
        Year = reminder.Year,
        Kind = (Proto.ReminderKind)(int)reminder.Kind,
        Recipient = (Proto.ReminderRecipient)(int)reminder.Recipient,
        StaffNumber = reminder.StaffNumber,
        BranchCode = reminder.BranchCode,
        Deadline = IsoDate.Format(reminder.Deadline),
        DaysBefore = reminder.DaysBefore,
        Message = reminder.Message,
        CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(reminder.CreatedAtUtcTicks, TimeSpan.Zero)),
        DeliveredAt = reminder.DeliveredAtUtcTicks is { } ticks ? Timestamp.FromDateTimeOffset(new DateTimeOffset(ticks, TimeSpan.Zero)) : null,
        DeliveredBy = reminder.DeliveredBy,
    };
}
