using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Chuangji.Workflow.Bench.Startup;

/// <summary>The three servers the start-up scenario starts, each built in Release for it.</summary>
internal static class ServerBuilds
{
    public static string EmptyHostDll(RepoPaths repo) =>
        Path.Combine(repo.Root, "bench", "Chuangji.Workflow.Bench.EmptyHost", "bin", "Release", "net10.0", "Chuangji.Workflow.Bench.EmptyHost.dll");

    public static Task BuildEmptyHostAsync(RepoPaths repo, CancellationToken cancellationToken) =>
        DotnetAsync(["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(repo.Root, "bench", "Chuangji.Workflow.Bench.EmptyHost")], cancellationToken);

    /// <summary>The Host as README's deployment section publishes it, for this machine's runtime identifier (the project turns ReadyToRun on).</summary>
    public static async Task<string> PublishReadyToRunAsync(RepoPaths repo, string directory, CancellationToken cancellationToken)
    {
        await DotnetAsync(
            ["publish", repo.HostProject, "-c", "Release", "--nologo", "-v", "q", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", directory],
            cancellationToken);
        return Path.Combine(directory, "Chuangji.Workflow.Host.dll");
    }

    private static async Task DotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
        }
    }
}
