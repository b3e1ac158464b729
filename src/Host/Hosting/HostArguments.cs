namespace Chuangji.Workflow.Host.Hosting;

/// <summary>Turns the documented command-line switches into configuration keys.</summary>
internal static class HostArguments
{
    public static string[] Normalize(string[] args) =>
        args.Select(arg => arg == "--seed-demo" ? $"--{PlatformOptions.Section}:SeedDemo=true" : arg).ToArray();

    /// <summary>A configuration setting on the command line (`--Section:Key=value`), as opposed to a command's own flag.</summary>
    public static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=', 2)[0].Contains(':', StringComparison.Ordinal);
}
