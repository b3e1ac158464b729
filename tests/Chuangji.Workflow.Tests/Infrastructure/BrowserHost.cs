using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Host.Security.SignIn;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
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
    private readonly WebApplicationFactory<Program> _factory;
    private readonly IBrowser _browser;

    private BrowserHost(string directory, WebApplicationFactory<Program> factory, FakeTimeProvider time, Uri http, GrpcChannel channel, IBrowser browser)
    {
        _directory = directory;
        _factory = factory;
        Time = time;
        Http = http;
        Channel = channel;
        _browser = browser;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The plain-HTTP endpoint, where people come.</summary>
    public Uri Http { get; }

    /// <summary>gRPC on the other endpoint, as the leadership group.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>On a copy of the seed's template at the seed's start; on the migrated template at <paramref name="start"/> without a seed.</summary>
    internal static async Task<BrowserHost> StartAsync(Seed? seed, DateTimeOffset? start = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await TemplateDatabase.CopyToAsync(Path.Combine(directory, "chuangji.db"), scheduler: false, seed);
        var time = new FakeTimeProvider(seed?.Start ?? start ?? TestService.DefaultStart);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var http = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var grpc = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Chuangji", $"Data Source={Path.Combine(directory, "chuangji.db")}");
            host.UseSetting("Chuangji:DataDirectory", directory);
            host.UseSetting("Chuangji:Scheduler:Enabled", "false");
            host.UseSetting("Chuangji:Auth:SigningKey", key);
            host.UseSetting("Kestrel:Endpoints:Http:Url", http.ToString().TrimEnd('/'));
            host.UseSetting("Kestrel:Endpoints:Grpc:Url", grpc.ToString().TrimEnd('/'));
            host.ConfigureLogging(logging => logging.ClearProviders());
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        factory.UseKestrel();
        factory.StartServer();
        // A token per call, on the fake clock: the tests move it by months.
        var issuer = factory.Services.GetRequiredService<TokenIssuer>();
        var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(() => issuer.Issue(TestService.Leadership)) { InnerHandler = new SocketsHttpHandler() },
        });
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root in a container chromium has no sandbox to start; the pages are the service's own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
        });
        return new BrowserHost(directory, factory, time, http, channel, browser);
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
