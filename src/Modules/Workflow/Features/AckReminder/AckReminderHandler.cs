using Chuangji.Workflow.BuildingBlocks.Telemetry;
using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.AckReminder;

/// <summary>The messaging bridge says a reminder was delivered; the first acknowledgement is kept.</summary>
internal sealed class AckReminderHandler(WorkflowDbContext db, CollegeClock clock, ServiceMetrics metrics)
{
    public async Task<Reminder> HandleAsync(long id, string deliveredBy, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if (id <= 0)
        {
            violations.Add("id", "must be a reminder's id (a positive number)");
        }

        var by = TextField.Optional(violations, "delivered_by", deliveredBy, 64) ?? string.Empty;
        violations.ThrowIfAny();
        // Only the first acknowledgement is kept, also when two arrive at once; in a transaction, so the
        // call's audit record is committed with it. A commit carries the record as the call's change, so
        // there is none when nothing changed (an unknown id, a repeated acknowledgement): the record is then
        // written at the call's end with its true outcome, NOT_FOUND for an unknown id.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var acknowledged = await db.Reminders.Where(r => r.Id == id && r.DeliveredAtUtcTicks == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.DeliveredAtUtcTicks, clock.UtcNow.UtcTicks).SetProperty(r => r.DeliveredBy, by), cancellationToken);
            if (acknowledged > 0)
            {
                await transaction.CommitAsync(cancellationToken);
                metrics.RemindersAcknowledged.Add(acknowledged);
            }
        }

        return await db.Reminders.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("reminder", id.ToString(CultureInfo.InvariantCulture), "id");
    }
}
