using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>Makes a reminder event's reminders: to every member who has not yet acted, or to every branch secretary.</summary>
internal sealed class ReminderMaker(WorkflowDbContext db, IMembersModule members, ReminderWriter writer, CollegeClock clock)
{
    public async Task<string> MakeAsync(ScheduledEvent reminder, CancellationToken cancellationToken)
    {
        var deadline = reminder.Deadline!.Value;
        var now = clock.UtcNow.UtcTicks;
        var kind = ReminderMessages.KindOf(deadline);
        List<Reminder> made;
        if (reminder.Work == ScheduledWork.MemberReminder)
        {
            var waiting = await MembersYetToActAsync(reminder.Year, deadline, cancellationToken);
            var message = ReminderMessages.ForMember(deadline, reminder.Year, reminder.Date, clock.Today);
            made = waiting.Select(c => New(reminder, kind, ReminderRecipient.Member, c.StaffNumber, c.BranchCode, message, now)).ToList();
        }
        else
        {
            var branches = await members.ListBranchesAsync(cancellationToken);
            made = branches.Select(b => New(
                reminder, kind, ReminderRecipient.BranchSecretary, b.SecretaryStaffNumber, b.Code,
                ReminderMessages.ForSecretary(deadline, b.Name, reminder.Date, clock.Today), now)).ToList();
        }

        var added = await writer.WriteAsync(made, cancellationToken);
        return $"{added} reminders made";
    }

    private async Task<List<(string StaffNumber, string BranchCode)>> MembersYetToActAsync(int year, Deadline deadline, CancellationToken cancellationToken)
    {
        CycleStatus[] waiting = deadline switch
        {
            Deadline.Commitment => [CycleStatus.Commitment],
            Deadline.FirstHalfDeclaration => [CycleStatus.FirstHalf],
            _ => [CycleStatus.FirstHalf, CycleStatus.SecondHalf],
        };
        var rows = await db.Cycles.AsNoTracking()
            .Where(c => c.Year == year && waiting.Contains(c.Status))
            .OrderBy(c => c.StaffNumber)
            .Select(c => new { c.StaffNumber, c.BranchCode })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.StaffNumber, r.BranchCode)).ToList();
    }

    private static Reminder New(ScheduledEvent e, ReminderKind kind, ReminderRecipient recipient, string staffNumber, string branchCode, string message, long now) => new()
    {
        Year = e.Year,
        Kind = kind,
        Recipient = recipient,
        RecipientKey = Reminder.KeyOf(recipient, staffNumber, branchCode),
        StaffNumber = staffNumber,
        BranchCode = branchCode,
        Deadline = e.Date,
        DaysBefore = e.DaysBefore,
        Message = message,
        CreatedAtUtcTicks = now,
    };
}
