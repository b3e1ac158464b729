using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Bench.Hosting;

/// <summary>
/// The real service as a child process (the Release build of src/Host) on a free loopback port, with
/// its own data directory; ready once grpc.health.v1 answers SERVING, stopped with SIGTERM. Its database is the
/// SQLite file in the data directory, or a PostgreSQL database given to it (which several hosts may share).
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private static bool s_built;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly string _token;

    private ChildHost(Process process, Uri address, Uri httpAddress, string dataDirectory, ServiceDatabase? database, string token)
    {
        _process = process;
        Address = address;
        HttpAddress = httpAddress;
        DataDirectory = dataDirectory;
        Database = database ?? ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString());
        _token = token;
    }

    /// <summary>
    /// Every call the harness makes carries a deadline: a call whose answer never comes fails the run
    /// (DeadlineExceeded, naming the call) instead of hanging it.
    /// </summary>
    public static DateTime CallDeadline => DateTime.UtcNow.Add(CallTimeout);

    public Uri Address { get; }

    /// <summary>The plain HTTP/1.1 endpoint (the documents' URLs), also on a free loopback port.</summary>
    public Uri HttpAddress { get; }

    public int ProcessId => _process.Id;

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "chuangji.db");

    /// <summary>The database the host runs on: its SQLite file, or the PostgreSQL database it was started with.</summary>
    public ServiceDatabase Database { get; }

    public TimeSpan ProcessorTime => CpuTime.Of(_process);

    /// <summary>Builds src/Host in Release once per run (skipped with --no-host-build).</summary>
    public static async Task EnsureBuiltAsync(RepoPaths repo, bool build, CancellationToken cancellationToken)
    {
        if (build && !s_built)
        {
            Report.Line($"building {repo.HostProject} (Release)…");
            using var process = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", repo.HostProject])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build of the Host failed:\n{await output}\n{await errors}");
            }

            s_built = true;
        }

        if (!File.Exists(repo.HostDll))
        {
            throw new InvalidOperationException($"{repo.HostDll} is missing: run `dotnet build -c Release src/Host` or drop --no-host-build");
        }
    }

    /// <summary>
    /// Starts the host on <paramref name="dataDirectory"/> and, when <paramref name="database"/> is a PostgreSQL one, on that
    /// database (<c>Chuangji__Database__Provider=PostgreSql</c>, <c>ConnectionStrings__Chuangji</c>); otherwise on the SQLite
    /// file in the data directory. Hosts sharing a data directory share its development signing key, so one token is good on each.
    /// </summary>
    public static async Task<ChildHost> StartAsync(RepoPaths repo, string dataDirectory, CancellationToken cancellationToken, ServiceDatabase? database = null)
    {
        if (database is { IsPostgreSql: false })
        {
            throw new ArgumentException("a host's SQLite database is the file in its data directory", nameof(database));
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var httpAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var token = await LeadershipTokenAsync(repo, dataDirectory, database, cancellationToken);
        var start = Start(repo, dataDirectory, database, [repo.HostDll]);
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = address.ToString().TrimEnd('/');
        start.Environment["Kestrel__Endpoints__Http__Url"] = httpAddress.ToString().TrimEnd('/');
        var process = Process.Start(start) ?? throw new InvalidOperationException("the Host did not start");
        var host = new ChildHost(process, address, httpAddress, dataDirectory, database, token);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilServingAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A channel (one HTTP/2 connection) to the host whose calls carry the leadership group's token; a
    /// branch's scorecard page can exceed the default 4 MB limit.
    /// </summary>
    public GrpcChannel NewChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {_token}");
            return Task.CompletedTask;
        })),
        // Loopback only: the token never leaves the machine.
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    /// <summary>An HTTP/1.1 client for the host's plain HTTP endpoint whose requests carry the leadership group's token.</summary>
    public HttpClient NewHttpClient(TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = HttpAddress,
            Timeout = timeout,
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    private static ProcessStartInfo Start(RepoPaths repo, string dataDirectory, ServiceDatabase? database, IEnumerable<string> arguments)
    {
        var start = Start(repo, dataDirectory, arguments);
        if (database is not null)
        {
            start.Environment["Chuangji__Database__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__Chuangji"] = database.ConnectionString;
        }

        return start;
    }

    private static ProcessStartInfo Start(RepoPaths repo, string dataDirectory, IEnumerable<string> arguments) => new("dotnet", arguments)
    {
        WorkingDirectory = repo.Root,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        Environment =
        {
            ["Chuangji__DataDirectory"] = dataDirectory,
            // The runs measure the calls themselves: no deadline of the real calendar may close a phase under them.
            ["Chuangji__Scheduler__Enabled"] = "false",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        },
    };

    /// <summary>The host's own token command, on the same data directory: it makes the development key the host will use.</summary>
    private static async Task<string> LeadershipTokenAsync(RepoPaths repo, string dataDirectory, ServiceDatabase? database, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Start(repo, dataDirectory, database, [repo.HostDll, "token", "--role", "leadership", "--expires", "1d"]))
            ?? throw new InvalidOperationException("the token command did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"the token command failed ({process.ExitCode}): {await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Report.Line($"the Host (pid {_process.Id}) ignored SIGTERM for {StopTimeout.TotalSeconds:F0} s; killing it");
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var channel = NewChannel();
        var health = new Health.HealthClient(channel);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the Host exited with {_process.ExitCode} while starting:\n{OutputTail()}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"the Host was not SERVING within {StartTimeout.TotalSeconds:F0} s:\n{OutputTail()}");
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
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private string OutputTail()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
