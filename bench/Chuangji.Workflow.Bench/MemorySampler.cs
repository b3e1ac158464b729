using System.Diagnostics;

namespace Chuangji.Workflow.Bench;

/// <summary>
/// Watches memory while a measured call runs: a background thread samples the managed heap
/// (<see cref="GC.GetTotalMemory(bool)"/>, without collecting) and the working set every ~10 ms.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _maxHeap;
    private long _maxWorkingSet;
    private int _samples;

    private MemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    public static MemorySampler Start()
    {
        var sampler = new MemorySampler();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>
    /// Resets the kernel's peak-RSS mark (Linux: "5" to /proc/self/clear_refs), so that the next
    /// <see cref="Process.PeakWorkingSet64"/> covers only what follows. False where that is not possible.
    /// </summary>
    public static bool TryResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public MemoryPeaks Stop()
    {
        _stopping = true;
        _thread.Join();
        return new MemoryPeaks(_maxHeap, _maxWorkingSet, _samples);
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            Stop();
        }
    }

    private void Sample()
    {
        while (!_stopping)
        {
            _maxHeap = Math.Max(_maxHeap, GC.GetTotalMemory(forceFullCollection: false));
            _maxWorkingSet = Math.Max(_maxWorkingSet, Environment.WorkingSet);
            _samples++;
            Thread.Sleep(Interval);
        }
    }
}

internal sealed record MemoryPeaks(long ManagedHeap, long WorkingSet, int Samples);
