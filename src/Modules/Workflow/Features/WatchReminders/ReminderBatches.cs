using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Workflow.Features.WatchReminders;

/// <summary>
/// The reminder stream's reads, each in a scope of its own: a stream stays open for hours and must not hold one
/// DbContext (and its connection) all that time, so every batch gets a fresh one and lets it go.
/// </summary>
internal sealed class ReminderBatches(IServiceScopeFactory scopes)
{
    public async Task<List<Reminder>> AfterAsync(long cursor, bool undeliveredOnly, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WatchRemindersHandler>().AfterAsync(cursor, undeliveredOnly, cancellationToken);
    }
}
