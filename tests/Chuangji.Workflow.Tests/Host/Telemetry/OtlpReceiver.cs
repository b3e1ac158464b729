using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Host.Telemetry;

/// <summary>A collector's OTLP/HTTP paths on a loopback port: keeps what each POST carried, answers 200.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _posts = new();

    private OtlpReceiver(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        // Empty: the service's appsettings.json beside the tests would bind Kestrel to the service's own ports.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var address = $"http://127.0.0.1:{Infrastructure.Loopback.FreePort()}";
        builder.WebHost.UseKestrelCore().UseUrls(address);
        builder.Services.AddRoutingCore();
        var receiver = new OtlpReceiver(builder.Build(), address);
        receiver._app.MapPost("/{**path}", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until one POST to <paramref name="path"/> carries every one of <paramref name="texts"/> (UTF-8), calling <paramref name="flush"/> meanwhile.</summary>
    public async Task<bool> ReceivedAsync(string path, IReadOnlyList<string> texts, Action flush, TimeSpan timeout)
    {
        var wanted = texts.Select(Encoding.UTF8.GetBytes).ToList();
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            flush();
            if (_posts.Any(post => post.Path == path && wanted.All(bytes => post.Body.AsSpan().IndexOf(bytes) >= 0)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>What arrived, for a failure's message: each POST's path and size.</summary>
    public string Received => string.Join(", ", _posts.Select(post => $"{post.Path} ({post.Body.Length} bytes)").DefaultIfEmpty("nothing"));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        _posts.Enqueue((http.Request.Path, body.ToArray()));
    }
}
