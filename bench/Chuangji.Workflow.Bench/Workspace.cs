using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Bench;

/// <summary>
/// One temporary directory for everything a run creates; deleted when the run ends, unless
/// <c>CHUANGJI_BENCH_KEEP_WORKSPACE=1</c> keeps it (its seeded databases) for a profiler or a second look.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private int _directories;

    private Workspace(string root) => Root = root;

    public string Root { get; }

    public static Workspace Create() => new(Directory.CreateTempSubdirectory("chuangji-bench-").FullName);

    /// <summary>A fresh directory, named for what it holds and numbered so that no two runs share one.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(Root, $"{Interlocked.Increment(ref _directories):D2}-{name}");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("CHUANGJI_BENCH_KEEP_WORKSPACE") == "1")
        {
            Console.WriteLine($"workspace kept: {Root}");
            return;
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
