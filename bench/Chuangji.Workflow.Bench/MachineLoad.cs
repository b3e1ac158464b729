using System.Diagnostics;
using System.Globalization;

namespace Chuangji.Workflow.Bench;

/// <summary>
/// How busy the rest of the machine was while we measured: all CPU time the kernel counted (Linux
/// /proc/stat) minus our own processes'. Other work on a two-core machine skews every figure, so each
/// measurement says how much there was.
/// </summary>
internal sealed class MachineLoad
{
    private const double TicksPerSecond = 100;

    private readonly Func<TimeSpan> _ours;
    private readonly double _machineStart;
    private readonly TimeSpan _oursStart;
    private readonly long _wallStart = Stopwatch.GetTimestamp();

    private MachineLoad(Func<TimeSpan> ours)
    {
        _ours = ours;
        _machineStart = MachineBusySeconds() ?? 0;
        _oursStart = ours();
    }

    /// <summary>Starts watching; <paramref name="ours"/> gives the CPU time of the processes we are measuring.</summary>
    public static MachineLoad Start(Func<TimeSpan> ours) => new(ours);

    /// <summary>The share of the machine's CPU capacity that other processes used since the start, in percent; null off Linux.</summary>
    public double? OthersPercent()
    {
        if (MachineBusySeconds() is not { } busy)
        {
            return null;
        }

        var capacity = Stopwatch.GetElapsedTime(_wallStart).TotalSeconds * Environment.ProcessorCount;
        var others = busy - _machineStart - (_ours() - _oursStart).TotalSeconds;
        return Math.Clamp(others / capacity * 100, 0, 100);
    }

    public string Describe() => OthersPercent() is { } percent
        ? $"other processes used {Report.Percent(percent)} of the machine's CPU meanwhile"
        : "the load of other processes is unknown on this system";

    private static double? MachineBusySeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);

            // cpu user nice system idle iowait irq softirq steal ...: everything but idle and iowait is busy.
            var busy = fields.Skip(1).Take(8).Select((value, i) => i is 3 or 4 ? 0 : long.Parse(value, CultureInfo.InvariantCulture)).Sum();
            return busy / TicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
