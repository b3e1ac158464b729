namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// Knows the clock reading of the latest finished sweep, so a caller (the tests, an operator tool) can
/// wait until the schedule has caught up with a moment without guessing how long that takes.
/// </summary>
internal sealed class SweepMonitor
{
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset AsOf, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    /// <summary>How many years' sweeps stopped at a failed event in the latest sweep.</summary>
    public int LastFailures { get; private set; }

    public void Completed(DateTimeOffset asOf, int failures)
    {
        List<TaskCompletionSource> ready;
        lock (_lock)
        {
            LastFailures = failures;
            _latest = asOf > _latest ? asOf : _latest;
            ready = _waiters.Where(w => w.AsOf <= _latest).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.AsOf <= _latest);
        }

        ready.ForEach(done => done.TrySetResult());
    }

    public Task CaughtUpWith(DateTimeOffset asOf)
    {
        lock (_lock)
        {
            if (_latest >= asOf)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((asOf, done));
            return done.Task;
        }
    }
}
