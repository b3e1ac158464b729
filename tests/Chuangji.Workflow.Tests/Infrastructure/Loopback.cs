using System.Net;
using System.Net.Sockets;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>What the tests that run the host on real sockets share: a free port, and a handler that signs each call.</summary>
internal static class Loopback
{
    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Adds the bearer token to every call, fresh from the factory (the clock may have moved).</summary>
internal sealed class BearerHandler(Func<string> token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token());
        return base.SendAsync(request, cancellationToken);
    }
}
