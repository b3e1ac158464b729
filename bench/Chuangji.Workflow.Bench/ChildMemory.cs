using System.Globalization;

namespace Chuangji.Workflow.Bench;

/// <summary>
/// Another process's memory as the kernel counts it (Linux /proc/&lt;pid&gt;/status): the resident set (VmRSS) and
/// its peak (VmHWM), which can be reset by writing "5" to /proc/&lt;pid&gt;/clear_refs (our own child, same user).
/// While running, a background thread also samples VmRSS every ~10 ms, as a cross-check of the kernel's peak.
/// </summary>
internal sealed class ChildMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly int _pid;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _maxResident;

    private ChildMemory(int pid)
    {
        _pid = pid;
        _thread = new Thread(Sample) { IsBackground = true, Name = "child memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Resets the child's peak (when the kernel allows it) and starts sampling its resident set.</summary>
    public static ChildMemory Start(int pid)
    {
        var memory = new ChildMemory(pid) { PeakReset = TryResetPeak(pid) };
        memory._thread.Start();
        return memory;
    }

    /// <summary>False when the kernel refused the reset: the peak then covers the process's whole life.</summary>
    public bool PeakReset { get; private init; }

    public static long? Resident(int pid) => Field(pid, "VmRSS:");

    public static long? Peak(int pid) => Field(pid, "VmHWM:");

    /// <summary>Stops sampling; the kernel's peak since the reset, and the sampled maximum.</summary>
    public (long KernelPeak, long SampledMax) Stop()
    {
        _stopping = true;
        _thread.Join();
        return (Peak(_pid) ?? 0, _maxResident);
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Stop();
        }
    }

    private static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Sample()
    {
        while (!_stopping)
        {
            _maxResident = Math.Max(_maxResident, Resident(_pid) ?? 0);
            Thread.Sleep(Interval);
        }
    }

    private static long? Field(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    // "VmRSS:	  123456 kB"
                    var value = line[name.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(value, CultureInfo.InvariantCulture) * 1024;
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
