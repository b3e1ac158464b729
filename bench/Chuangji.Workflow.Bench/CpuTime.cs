using System.Diagnostics;

namespace Chuangji.Workflow.Bench;

/// <summary>Processor time (user + kernel, every thread) a process has used so far.</summary>
internal static class CpuTime
{
    public static TimeSpan OfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static TimeSpan Of(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
