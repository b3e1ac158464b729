namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>
/// Whether an answer quotes a stretch of a caller's value longer than allowed, wherever in the value it
/// starts: the answer's windows are hashed once, then a rolling hash runs over the value (up to 1 MiB) once.
/// </summary>
internal static class EchoRuns
{
    private const ulong Base = 1_000_003;

    public static bool Echoes(string answer, string value, int run)
    {
        if (answer.Length < run || value.Length < run)
        {
            return false;
        }

        var power = 1UL;
        for (var i = 1; i < run; i++)
        {
            power *= Base;
        }

        var windows = new HashSet<ulong>();
        var hash = Hash(answer.AsSpan(0, run));
        windows.Add(hash);
        for (var i = run; i < answer.Length; i++)
        {
            hash = Roll(hash, answer[i - run], answer[i], power);
            windows.Add(hash);
        }

        hash = Hash(value.AsSpan(0, run));
        for (var i = run; ; i++)
        {
            if (windows.Contains(hash) && answer.AsSpan().Contains(value.AsSpan(i - run, run), StringComparison.Ordinal))
            {
                return true;
            }

            if (i == value.Length)
            {
                return false;
            }

            hash = Roll(hash, value[i - run], value[i], power);
        }
    }

    private static ulong Hash(ReadOnlySpan<char> window)
    {
        var hash = 0UL;
        foreach (var c in window)
        {
            hash = (hash * Base) + c;
        }

        return hash;
    }

    private static ulong Roll(ulong hash, char leaving, char entering, ulong power) => ((hash - (leaving * power)) * Base) + entering;
}
