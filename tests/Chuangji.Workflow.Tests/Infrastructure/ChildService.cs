using System.Diagnostics;
using System.Reflection;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// The real service as a child process (<c>dotnet Chuangji.Workflow.Host.dll</c>, the build of src/Host this test
/// build made) on a free loopback port and a given data directory, in Production, without the scheduler (unless the
/// extra arguments say otherwise); ready once grpc.health.v1 answers SERVING. <see cref="KillAsync"/> ends it with
/// SIGKILL, as a crash or a power cut would: no graceful stop, no flush beyond what was committed. Disposing kills it too.
/// </summary>
public sealed class ChildService : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int OutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _signingKey;

    private ChildService(Process process, Uri address, string signingKey)
    {
        _process = process;
        Address = address;
        _signingKey = signingKey;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The exit code once it has exited (137 after SIGKILL on Linux).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>A new key for <see cref="StartAsync"/>: base64 of 32 random bytes.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Starts the host on <paramref name="dataDirectory"/> and waits until it is SERVING; its calls carry a leadership token
    /// signed with <paramref name="signingKey"/>. <paramref name="arguments"/> come last, so they override the defaults.
    /// </summary>
    public static async Task<ChildService> StartAsync(
        string dataDirectory, string signingKey, TestDatabase? database = null, IReadOnlyList<string>? arguments = null, string environment = "Production")
    {
        // A port free when asked may be taken by another test's host before this one binds it: then it starts again
        // on other ports (the process says so and exits before it serves anything).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(dataDirectory, signingKey, database, arguments ?? [], environment);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<ChildService> StartOnFreePortsAsync(
        string dataDirectory, string signingKey, TestDatabase? database, IReadOnlyList<string> arguments, string environment)
    {
        var (dotnet, hostDll) = Locate();
        var address = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var start = new ProcessStartInfo(dotnet,
        [
            hostDll,
            $"--Chuangji:DataDirectory={dataDirectory}",
            $"--Kestrel:Endpoints:Grpc:Url={address.ToString().TrimEnd('/')}",
            // Its plain-HTTP endpoint on a port of its own too: two instances side by side must not meet on the default.
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{Loopback.FreePort()}",
            $"--Chuangji:Auth:SigningKey={signingKey}",
            "--Chuangji:Scheduler:Enabled=false",
            // The given database, or the file in the data directory, whatever the environment says: the restart must find it.
            .. database is null ? ["--ConnectionStrings:Chuangji="] : database.Settings.Select(s => $"--{s.Key}={s.Value}"),
            .. arguments,
        ])
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["DOTNET_ENVIRONMENT"] = environment,
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"'{dotnet} {hostDll}' did not start");
        var service = new ChildService(process, address, signingKey);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilServingAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A channel (one HTTP/2 connection) whose calls carry the leadership group's token, issued on the service's clock:
    /// the system's, or the one it was moved to (<paramref name="serviceClock"/>).
    /// </summary>
    public GrpcChannel NewChannel(TimeProvider? serviceClock = null)
    {
        var token = LeadershipToken(_signingKey, serviceClock ?? TimeProvider.System);
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            // Loopback only: the token never leaves the machine.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>SIGKILL, at once, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>The child's last lines of output (stdout and stderr), for failure messages.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return _output.Count == 0 ? "(no output)" : string.Join('\n', _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                // Its output is read to the end first: the last lines say why it stopped.
                await _process.WaitForExitAsync();
                if (OutputTail().Contains("address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException(
                    $"the Host (pid {_process.Id}) exited with {_process.ExitCode} while starting; its last output:\n{OutputTail()}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                // Not listening yet, or (Internal: no HTTP/2 handshake) another process listens on the port; if this one
                // could not bind it, it exits, and the check above says so.
                last = exception.StatusCode.ToString();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"the Host (pid {_process.Id}) at {Address} was not SERVING within {StartTimeout.TotalSeconds:F0} s (last: {last}); its last output:\n{OutputTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>Signed as the host will check it: same key, the default issuer and audience.</summary>
    private static string LeadershipToken(string signingKey, TimeProvider clock) =>
        new TokenIssuer(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), new AuthSettings(), clock)
            .Issue(new TokenRequest(CallerRole.Leadership, "leadership", null, [], TimeSpan.FromHours(1)));

    /// <summary>
    /// The dotnet executable running the tests (DOTNET_HOST_PATH, set by the SDK), else the one on the PATH; and the
    /// Host's build in the same configuration as this test assembly (src/Host/bin/&lt;Configuration&gt;/net10.0), else
    /// the copy beside the test binaries (the project reference puts it there with its runtimeconfig and deps files).
    /// </summary>
    private static (string Dotnet, string HostDll) Locate()
    {
        const string HostDll = "Chuangji.Workflow.Host.dll";
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var configuration = typeof(ChildService).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var candidates = new[]
        {
            Path.Combine(RepositoryRoot.Path, "src", "Host", "bin", configuration, framework),
            AppContext.BaseDirectory,
        };
        foreach (var directory in candidates)
        {
            var dll = Path.Combine(directory, HostDll);
            if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            {
                return (dotnet, dll);
            }
        }

        throw new InvalidOperationException(
            $"{HostDll} with its runtimeconfig.json is in none of: {string.Join(", ", candidates)}; build the solution ({configuration}) first");
    }
}

/// <summary>The child could not bind a port it was given: another process took it first.</summary>
internal sealed class PortTakenException : Exception;
