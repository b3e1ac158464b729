using System.Globalization;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>
/// Where a service on a moved clock notes how far it stands from real time, in its data directory, so the token command
/// run beside it (which starts later) issues tokens and links on the service's present moment rather than at the
/// setting's start: a link taken an hour after the service started would otherwise be an hour old, past its 30 minutes.
/// </summary>
internal static class MovedClockRecord
{
    private const string FileName = "moved-clock";

    public static void Write(string directory, MovedClock clock)
    {
        Directory.CreateDirectory(directory);
        // Whole or not at all: a token command reading meanwhile sees the old record or the new one, never half.
        var temporary = Path.Combine(directory, $"{FileName}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, $"{Key(clock.Start)}\n{clock.Offset.Ticks.ToString(CultureInfo.InvariantCulture)}\n");
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
    }

    /// <summary>The running service's clock for the same start; the clock as given when no service on that start has noted one.</summary>
    public static TimeProvider Resume(string directory, TimeProvider clock, TimeProvider real)
    {
        if (clock is not MovedClock moved)
        {
            return clock;
        }

        var path = Path.Combine(directory, FileName);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        return lines.Length >= 2 && lines[0] == Key(moved.Start) && long.TryParse(lines[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? new MovedClock(moved.Start, real, TimeSpan.FromTicks(ticks))
            : clock;
    }

    private static string Key(DateTimeOffset start) => start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
