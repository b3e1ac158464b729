namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>Wakes the reminder streams when new reminders are stored; a waiter that misses a pulse still finds them on its next read.</summary>
internal sealed class ReminderSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
