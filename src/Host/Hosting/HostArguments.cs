namespace Chuangji.Workflow.Host.Hosting;

/// <summary>Turns the documented command-line switches into configuration keys.</summary>
internal static class HostArguments
{
    public static string[] Normalize(string[] args) =>
        args.Select(arg => arg == "--seed-demo" ? $"--{PlatformOptions.Section}:SeedDemo=true" : arg).ToArray();
}
