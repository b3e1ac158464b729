using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Host.Security.SignIn;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Chuangji.Workflow.Tests.Members;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel (loopback ports of its own, both endpoints) for a real browser: Debian's chromium, headless,
/// driven by PuppeteerSharp. The host starts on a copy of a seeded template, on the fake clock; the test's own gRPC calls
/// go to the real port with a leadership token.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    /// <summary>Debian's chromium (ADR 22); CHUANGJI_CHROMIUM names another.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("CHUANGJI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string _directory;
    private readonly TestDatabase _database;
    private readonly string _key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly bool _scheduler;
    private readonly Uri _grpc;
    private readonly IBrowser _browser;
    private WebApplicationFactory<Program> _factory;

    private BrowserHost(string directory, TestDatabase database, bool scheduler, FakeTimeProvider time, Uri http, Uri grpc, IBrowser browser)
    {
        _directory = directory;
        _database = database;
        _scheduler = scheduler;
        Time = time;
        Http = http;
        _grpc = grpc;
        _browser = browser;
        _factory = StartFactory();
        // A token per call, on the fake clock (the tests move it by months), from whichever host is running.
        Channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(() => _factory.Services.GetRequiredService<TokenIssuer>().Issue(TestService.Leadership)) { InnerHandler = new SocketsHttpHandler() },
        });
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The plain-HTTP endpoint, where people come.</summary>
    public Uri Http { get; }

    /// <summary>gRPC on the other endpoint, as the leadership group.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// On a copy of the seed's template at the seed's start; on the migrated template at <paramref name="start"/> without a
    /// seed. With <paramref name="scheduler"/> the Quartz scheduler runs, on the fake clock.
    /// </summary>
    internal static async Task<BrowserHost> StartAsync(Seed? seed, DateTimeOffset? start = null, bool scheduler = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(directory, await TemplateDatabase.GetAsync(scheduler, seed));
        var time = new FakeTimeProvider(seed?.Start ?? start ?? TestService.DefaultStart);
        var http = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var grpc = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root in a container chromium has no sandbox to start; the pages are the service's own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
        });
        return new BrowserHost(directory, database, scheduler, time, http, grpc, browser);
    }

    /// <summary>
    /// The test college on 2026-01-05 10:00 (B01: T1002, T1003, retired R2001; B02: T2001) with T1001 王建国 on B01's
    /// roster too: the secretary of both branches, who can sign in as a secretary or for the leadership group.
    /// </summary>
    internal static async Task<BrowserHost> StartOnTestCollegeAsync(bool scheduler = false)
    {
        var host = await StartAsync(MembersFixtures.TestCollege(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8))), scheduler: scheduler);
        await new Chuangji.Members.V1.MembersService.MembersServiceClient(host.Channel).ImportMembersAsync(new Chuangji.Members.V1.ImportMembersRequest
        {
            Members = { MembersFixtures.Registration("T1001", "B01", name: "王建国") },
        });
        return host;
    }

    /// <summary>Stops the host, moves the clock while it is down, and starts it again on the same file and ports.</summary>
    internal async Task RestartAsync(DateTimeOffset clockWhileDown)
    {
        await _factory.DisposeAsync();
        Time.SetUtcNow(clockWhileDown);
        _factory = StartFactory();
    }

    /// <summary>Waits until the schedule has swept at the fake clock's present reading (the scheduler must be on), and fails when that sweep failed unless the test expects it.</summary>
    internal async Task ScheduleCaughtUpAsync(bool failureExpected = false)
    {
        var monitor = _factory.Services.GetRequiredService<Chuangji.Workflow.Modules.Workflow.Scheduling.SweepMonitor>();
        await monitor.CaughtUpWith(Time.GetUtcNow()).WaitAsync(TimeSpan.FromSeconds(30));
        if (!failureExpected && monitor.LastFailures > 0)
        {
            throw new InvalidOperationException($"the schedule's sweep stopped at a failed event in {monitor.LastFailures} year(s)");
        }
    }

    /// <summary>Runs the schedule's catch-up now, as a trigger or a restart would, for moments where no trigger is due.</summary>
    internal Task RunScheduleNowAsync() =>
        _factory.Services.GetRequiredService<Chuangji.Workflow.Modules.Workflow.Scheduling.DueWorkRunner>().RunAsync(CancellationToken.None);

    private WebApplicationFactory<Program> StartFactory()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in _database.Settings)
            {
                host.UseSetting(key, value);
            }

            host.UseSetting("Chuangji:DataDirectory", _directory);
            host.UseSetting("Chuangji:Scheduler:Enabled", _scheduler ? "true" : "false");
            host.UseSetting("Chuangji:Auth:SigningKey", _key);
            host.UseSetting("Kestrel:Endpoints:Http:Url", Http.ToString().TrimEnd('/'));
            host.UseSetting("Kestrel:Endpoints:Grpc:Url", _grpc.ToString().TrimEnd('/'));
            host.ConfigureLogging(logging => logging.ClearProviders());
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
        factory.UseKestrel();
        factory.StartServer();
        return factory;
    }

    /// <summary>A one-time sign-in link on this host's HTTP endpoint, as the token command's --link prints it.</summary>
    internal string SignInLinkFor(TokenRequest person) => _factory.Services.GetRequiredService<SignInLinks>().Issue(person, Http.ToString()).Url;

    /// <summary>A new tab signed in as the person, through a link as they would: open it, press 登录, land on the console.</summary>
    internal async Task<IPage> SignedInAsync(TokenRequest person)
    {
        var page = await NewPageAsync();
        await page.GoToAsync(SignInLinkFor(person));
        await page.WaitForSelectorAsync("#sign-in:not([hidden]) button");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#sign-in button"));
        return page;
    }

    /// <summary>An element's text, trimmed.</summary>
    public static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent.trim()", selector);

    /// <summary>A picture of the page from its top down to the end of an element: the README's, without the page's long tail.</summary>
    public static async Task ScreenshotDownToAsync(IPage page, string selector, string path)
    {
        var bottom = await page.EvaluateFunctionAsync<double>("s => document.querySelector(s).getBoundingClientRect().bottom + window.scrollY + 8", selector);
        await page.ScreenshotAsync(path, new ScreenshotOptions { CaptureBeyondViewport = true, Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 390, Height = (decimal)bottom } });
    }

    /// <summary>A new browser tab of its own (an incognito context: its own cookies), phone-sized.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.CreateBrowserContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true });
        page.DefaultTimeout = 15_000;
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _browser.Dispose();
        Channel.Dispose();
        await _factory.DisposeAsync();
        await _database.DropAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temporary directory's cleaning.
        }
    }
}
