namespace Chuangji.Workflow.BuildingBlocks.Time;

/// <summary>
/// The college's notion of "now" and "today": instants from the injected <see cref="TimeProvider"/>
/// (faked in tests), calendar dates in the college's time zone (Asia/Shanghai by default).
/// </summary>
public sealed class CollegeClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Now on the college's wall clock (what a file's "modified" time shows).</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The moment a day of the college's calendar begins.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
