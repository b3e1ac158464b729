using System.Diagnostics;

namespace Chuangji.Workflow.Bench;

/// <summary>Where the repository is: found by walking up to the solution file, from the binaries or the working directory.</summary>
internal sealed record RepoPaths(string Root)
{
    public string Seeds => Path.Combine(Root, "seeds");

    public string HostProject => Path.Combine(Root, "src", "Host");

    public string HostDll => Path.Combine(Root, "src", "Host", "bin", "Release", "net10.0", "Chuangji.Workflow.Host.dll");

    /// <summary>Which code is measured: the commit, and whether src/ has changes not committed yet.</summary>
    public string CodeVersion()
    {
        var commit = Git("rev-parse", "--short", "HEAD");
        var changes = Git("status", "--porcelain", "--", "src");
        return commit is null
            ? "unknown (git not available)"
            : $"commit {commit}, " + (string.IsNullOrEmpty(changes) ? "src/ clean" : $"src/ with {changes.Split('\n').Length} uncommitted changes");
    }

    public static RepoPaths Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Chuangji.Workflow.sln")))
                {
                    return new RepoPaths(directory.FullName);
                }
            }
        }

        throw new InvalidOperationException("Chuangji.Workflow.sln not found above the binaries or the working directory");
    }

    private string? Git(params string[] arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", Root, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
