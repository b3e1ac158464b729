using System.Globalization;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>
/// The clock the whole service runs on (the <see cref="TimeProvider"/> of the scoring, the workflow, the Quartz
/// scheduler and the token lifetimes): the system's, or, in the Development environment only, one moved to
/// start at Chuangji:Clock:Start. Anywhere else the setting stops the host from starting: a moved clock would
/// close phases and stamp facts at moments that never happened.
/// </summary>
internal static class ServiceClock
{
    public const string StartSetting = "Chuangji:Clock:Start";

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>The system clock, or the moved one the settings ask for; throws when they may not ask for one here.</summary>
    public static TimeProvider Resolve(ClockSettings settings, IHostEnvironment environment, TimeProvider system)
    {
        var text = settings.Start.Trim();
        if (text.Length == 0)
        {
            return system;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{StartSetting} is set ('{text}'), but the service clock may be moved only in the Development environment, " +
                $"and this is '{environment.EnvironmentName}': remove the setting, or walk a year on a copy with ASPNETCORE_ENVIRONMENT=Development");
        }

        return DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? new MovedClock(start, system)
            : throw new InvalidOperationException($"{StartSetting} is '{text}', not an instant: give an ISO 8601 date and time with its offset, e.g. 2026-02-01T00:00:00+08:00");
    }
}
