using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Chuangji.Workflow.Bench.Startup;

/// <summary>
/// One start of a server process, timed from <see cref="Process.Start()"/> to the first grpc.health.v1 answer SERVING:
/// the port is polled every few milliseconds, and each health call goes on a new channel, so no reconnect back-off of a
/// channel that found the port closed delays the answer. The process is stopped with SIGTERM afterwards.
/// </summary>
internal static partial class StartedProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public static async Task<StartMeasurement> MeasureAsync(string dll, string dataDirectory, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Chuangji__DataDirectory"] = dataDirectory,
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}",
                ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{FreePort()}",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        var output = new List<string>();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilServingAsync(process, port, output, cancellationToken);
            var serving = Stopwatch.GetElapsedTime(started);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            return new StartMeasurement(serving.TotalMilliseconds, cpu.TotalMilliseconds, DatabaseReadyMs(output));
        }
        finally
        {
            await StopAsync(process);
        }
    }

    private static async Task WaitUntilServingAsync(Process process, int port, List<string> output, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with {process.ExitCode} while starting:\n{Tail(output)}");
            }

            if (await AcceptsAsync(port, cancellationToken) && await IsServingAsync(port, cancellationToken))
            {
                return;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        throw new TimeoutException($"not SERVING within {Patience.TotalSeconds:F0} s:\n{Tail(output)}");
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> IsServingAsync(int port, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return false;
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The service logs how long its database took ("Database … ready in N ms"); the empty host logs nothing of it.</summary>
    private static double? DatabaseReadyMs(List<string> output)
    {
        lock (output)
        {
            foreach (var line in output)
            {
                var match = ReadyIn().Match(line);
                if (match.Success)
                {
                    return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    [GeneratedRegex("\"ElapsedMs\":([0-9.]+)")]
    private static partial Regex ReadyIn();

    private static void Keep(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private static string Tail(List<string> output)
    {
        lock (output)
        {
            return string.Join('\n', output.TakeLast(40));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
