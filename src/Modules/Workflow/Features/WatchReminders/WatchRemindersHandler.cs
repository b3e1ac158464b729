using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.WatchReminders;

/// <summary>The reminder feed's stream: one batch of reminders after a cursor, oldest first.</summary>
internal sealed class WatchRemindersHandler(WorkflowDbContext db)
{
    public const int StreamBatch = 200;

    public Task<List<Reminder>> AfterAsync(long afterId, bool undeliveredOnly, CancellationToken cancellationToken)
    {
        var reminders = db.Reminders.AsNoTracking().Where(r => r.Id > afterId);
        if (undeliveredOnly)
        {
            reminders = reminders.Where(r => r.DeliveredAtUtcTicks == null);
        }

        return reminders.OrderBy(r => r.Id).Take(StreamBatch).ToListAsync(cancellationToken);
    }
}
