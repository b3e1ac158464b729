namespace Chuangji.Workflow.Host.Hosting;

/// <summary>A clock that read <see cref="Start"/> when it was made and runs forward in real time from there.</summary>
internal sealed class MovedClock(DateTimeOffset start, TimeProvider real, TimeSpan? offset = null) : TimeProvider
{
    public DateTimeOffset Start { get; } = start;

    /// <summary>How far the clock stands from real time (negative: behind it); a running service's, when given.</summary>
    public TimeSpan Offset { get; } = offset ?? start - real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
