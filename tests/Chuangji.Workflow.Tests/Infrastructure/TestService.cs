using Chuangji.Workflow.Host.Security;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// The real host on TestServer, on its own database (a SQLite file, or a PostgreSQL database: <see cref="TestDatabase"/>),
/// with a fake clock; called through the generated gRPC clients. <see cref="RestartAsync"/> stops it and starts a new
/// host on the same database.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    /// <summary>2026-11-25 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public const string SchedulerSetting = "Chuangji:Scheduler:Enabled";

    /// <summary>Settings that switch the Quartz scheduler on.</summary>
    public static IReadOnlyDictionary<string, string?> WithScheduler => new Dictionary<string, string?> { [SchedulerSetting] = "true" };

    private readonly string _directory;
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>False for a second instance on another's database and directory: they are the first's to remove.</summary>
    private bool _ownsDatabase = true;
    private readonly string? _environment;
    private IReadOnlyDictionary<string, string?> _settings;
    private WebApplicationFactory<Program> _factory;

    private TestService(string directory, TestDatabase database, FakeTimeProvider? time, IReadOnlyDictionary<string, string?> settings, string? environment = null, string? signingKey = null)
    {
        _signingKey = signingKey ?? _signingKey;
        _directory = directory;
        Database = database;
        _settings = settings;
        _environment = environment;
        FakeClock = time is not null;
        Time = time ?? new FakeTimeProvider();
        _factory = CreateFactory();
        Channel = CreateChannel();
    }

    /// <summary>The host's clock, unless it runs on its own (<see cref="StartOnServiceClockAsync"/>).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>What the host logged at Warning or above, across restarts.</summary>
    public LogRecorder Logs { get; } = new();

    private bool FakeClock { get; }

    public GrpcChannel Channel { get; private set; }

    /// <summary>The host's database, on whichever provider the suite runs.</summary>
    public TestDatabase Database { get; }

    /// <summary>The SQLite file (for tests of the file itself; they run on SQLite only).</summary>
    public string DatabasePath => Database.FilePath;

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the host on a copy of a database migrated once per test run (see <see cref="TemplateDatabase"/>), or on an
    /// empty file when <paramref name="emptyDatabase"/> is set: for tests of what the first start does to a new file.
    /// </summary>
    public static Task<TestService> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null, bool emptyDatabase = false) =>
        StartAsync(settings, start ?? DefaultStart, emptyDatabase, seed: null);

    /// <summary>
    /// Starts the host at the seed's start on a copy of a database seeded once per test run (see <see cref="TemplateDatabase"/>):
    /// what the test finds is what a host started on the migrated template and seeded by the same calls would hold.
    /// </summary>
    internal static Task<TestService> StartSeededAsync(Seed seed, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(settings, seed.Start, emptyDatabase: false, seed);

    private static async Task<TestService> StartAsync(IReadOnlyDictionary<string, string?>? settings, DateTimeOffset start, bool emptyDatabase, Seed? seed)
    {
        settings ??= new Dictionary<string, string?>();
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string? template = null;
        if (!emptyDatabase)
        {
            var scheduler = settings.TryGetValue(SchedulerSetting, out var enabled) && string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase);
            template = await TemplateDatabase.GetAsync(scheduler, seed);
        }

        return new TestService(directory, await TestDatabase.CreateAsync(directory, template), new FakeTimeProvider(start), settings);
    }

    /// <summary>
    /// The real host on the service's own clock (no fake), in the given environment: for the clock's settings
    /// themselves. Throws what the host throws when it refuses to start.
    /// </summary>
    public static async Task<TestService> StartOnServiceClockAsync(IReadOnlyDictionary<string, string?> settings, string environment)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(directory, template: null);
        try
        {
            return new TestService(directory, database, null, settings, environment);
        }
        catch
        {
            await database.DropAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Stops the host and starts a new one on the same database file, optionally with other settings and
    /// with the clock moved while it was down.
    /// </summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? clockWhileDown = null)
    {
        _settings = settings ?? _settings;
        Channel.Dispose();
        await _factory.DisposeAsync();
        if (clockWhileDown is { } moved)
        {
            Time.SetUtcNow(moved);
        }

        _factory = CreateFactory();
        Channel = CreateChannel();
    }

    /// <summary>
    /// Waits until the schedule has swept at the fake clock's present reading, or at <paramref name="moment"/>
    /// (the scheduler must be on), and fails when that sweep stopped at a failed event, unless the test expects one.
    /// </summary>
    public async Task ScheduleCaughtUpAsync(bool failureExpected = false, DateTimeOffset? moment = null)
    {
        var monitor = Services.GetRequiredService<Chuangji.Workflow.Modules.Workflow.Scheduling.SweepMonitor>();
        await monitor.CaughtUpWith(moment ?? Time.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(30));
        if (!failureExpected && monitor.LastFailures > 0)
        {
            throw new InvalidOperationException($"the schedule's sweep stopped at a failed event in {monitor.LastFailures} year(s); see the log");
        }
    }

    /// <summary>
    /// Another instance of the service on this one's database (PostgreSQL), data directory and signing key, as a second
    /// machine behind a load balancer: its own clock (set to this one's reading) and scheduler, if the settings say so.
    /// </summary>
    /// <remarks>
    /// Its connection string names it (Application Name), so its connections are a pool of their own, as another
    /// machine's would be, not the first instance's idle ones (Npgsql's pools are per connection string, per process).
    /// </remarks>
    internal TestService StartSecondInstance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!Database.IsPostgreSql)
        {
            throw new InvalidOperationException("several instances share a PostgreSQL database; the SQLite file is one machine's");
        }

        var own = new Dictionary<string, string?>(settings ?? _settings)
        {
            ["ConnectionStrings:Chuangji"] = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "second instance" }.ConnectionString,
        };
        return new TestService(_directory, Database, new FakeTimeProvider(Time.GetUtcNow()), own, _environment, _signingKey) { _ownsDatabase = false };
    }

    /// <summary>Stops the host, leaving the database in place.</summary>
    internal async Task StopAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
        Database.ClearPools();
    }

    /// <summary>Stops the host and removes its directory, keeping the database (a template's).</summary>
    internal async Task StopKeepingDatabaseAsync()
    {
        await StopAsync();
        DeleteDirectory();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDatabase)
        {
            await Database.DropAsync();
            DeleteDirectory();
        }
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the test's outcome does not depend on it.
        }
    }

    private WebApplicationFactory<Program> CreateFactory() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in Database.Settings)
            {
                host.UseSetting(key, value);
            }

            // Where the service keeps its data protection keys (sessions survive a restart): the test's own directory.
            host.UseSetting("Chuangji:DataDirectory", _directory);
            // The scheduler would close phases under tests that move the clock past deadlines on purpose;
            // the schedule's own tests switch it on (WithScheduler).
            host.UseSetting(SchedulerSetting, "false");
            host.UseSetting("Chuangji:Auth:SigningKey", _signingKey);
            foreach (var (key, value) in _settings)
            {
                host.UseSetting(key, value);
            }

            // The recorder only: a console line per refused call would cost the suite more than the calls themselves.
            host.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
            if (_environment is not null)
            {
                host.UseEnvironment(_environment);
            }

            if (FakeClock)
            {
                host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
            }
        });

    /// <summary>The leadership group: the default caller of <see cref="Channel"/>, allowed everything, so tests of other matters need no token of their own.</summary>
    internal static readonly TokenRequest Leadership = new(CallerRole.Leadership, "leadership", null, [], TimeSpan.FromHours(8));

    /// <summary>A token signed with this service's key, issued now on its clock.</summary>
    internal string TokenFor(TokenRequest request) => Services.GetRequiredService<TokenIssuer>().Issue(request);

    /// <summary>A plain-HTTP client of the service whose requests carry the given bearer token, or none.</summary>
    public HttpClient HttpClientWith(string? token)
    {
        var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's requests are seen by the service.</summary>
    public HttpClient BrowserClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A one-time sign-in link for a person, issued now on the service's clock, as the token command's --link prints it.</summary>
    internal string SignInLinkFor(TokenRequest person) =>
        Services.GetRequiredService<Chuangji.Workflow.Host.Security.SignIn.SignInLinks>().Issue(person, "http://localhost").Url;

    /// <summary>A channel whose calls carry the given bearer token, or none.</summary>
    public GrpcChannel ChannelWith(string? token)
    {
        var server = _factory.Server;
        HttpMessageHandler handler = token is null ? server.CreateHandler() : new BearerHandler(() => token) { InnerHandler = server.CreateHandler() };
        return GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
    }

    private GrpcChannel CreateChannel()
    {
        var server = _factory.Server;
        var handler = new BearerHandler(() => TokenFor(Leadership)) { InnerHandler = server.CreateHandler() };
        return GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
    }
}
