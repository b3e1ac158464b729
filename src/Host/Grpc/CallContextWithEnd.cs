using Grpc.Core;

namespace Chuangji.Workflow.Host.Grpc;

/// <summary>
/// The call's own context with a cancellation that may come sooner than the caller's (a stream's token
/// expiring): the handler sees it as its call ending, and the Host then says why.
/// </summary>
internal sealed class CallContextWithEnd : ServerCallContext
{
    /// <summary>Where grpc-dotnet's GetHttpContext looks for the call's HttpContext on a context it did not make.</summary>
    private const string HttpContextKey = "__HttpContext";

    private readonly ServerCallContext inner;
    private readonly CancellationToken ends;

    public CallContextWithEnd(ServerCallContext inner, CancellationToken ends)
    {
        this.inner = inner;
        this.ends = ends;
        inner.UserState[HttpContextKey] = inner.GetHttpContext();
    }

    protected override string MethodCore => inner.Method;

    protected override string HostCore => inner.Host;

    protected override string PeerCore => inner.Peer;

    protected override DateTime DeadlineCore => inner.Deadline;

    protected override Metadata RequestHeadersCore => inner.RequestHeaders;

    protected override CancellationToken CancellationTokenCore => ends;

    protected override Metadata ResponseTrailersCore => inner.ResponseTrailers;

    protected override Status StatusCore
    {
        get => inner.Status;
        set => inner.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    protected override AuthContext AuthContextCore => inner.AuthContext;

    protected override IDictionary<object, object> UserStateCore => inner.UserState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => inner.CreatePropagationToken(options);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);
}
