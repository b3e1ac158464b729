using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.Host.Grpc;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Every call of the modules' services (chuangji.*) passes its RPC's policy before the handler runs;
/// health and reflection are open by design (their endpoints allow anonymous callers).
/// </summary>
internal sealed class RpcAuthorizationInterceptor(RpcAuthorizer authorizer, TimeProvider time) : Interceptor
{
    private const string OwnServices = "/chuangji.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = await AuthorizeAsync(request, context);
        using var identity = caller is null ? null : CallerIdentity.Begin(caller.Subject, method => RpcAuthorizer.Reaches(method, caller));
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = await AuthorizeAsync(request, context);
        using var identity = caller is null ? null : CallerIdentity.Begin(caller.Subject, method => RpcAuthorizer.Reaches(method, caller));
        if (caller is null || ExpiryOf(context) is not { } expires)
        {
            await continuation(request, responseStream, context);
            return;
        }

        // A stream outlives its opening; it may not outlive the token it was opened with. It ends as a call
        // without a valid token does, saying so, so a bridge knows to renew the token and resume from its cursor.
        using var expired = new CancellationTokenSource();
        using var timer = time.CreateTimer(_ => expired.Cancel(), null, Max(expires - time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan);
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, expired.Token);
        try
        {
            await continuation(request, responseStream, new CallContextWithEnd(context, ends.Token));
        }
        catch (OperationCanceledException) when (expired.IsCancellationRequested)
        {
            // Said below.
        }

        if (expired.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"the token expired at {expires:yyyy-MM-dd'T'HH:mm:ss'Z'}: renew it and resume from the last id received"));
        }
    }

    private static DateTimeOffset? ExpiryOf(ServerCallContext context) =>
        long.TryParse(context.GetHttpContext().User.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Passes the policy and answers the caller, who then acts for the rest of the call (set by the caller
    /// of this method: an async method's ambient values do not flow back out of it).
    /// </summary>
    private async Task<Caller?> AuthorizeAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        if (!context.Method.StartsWith(OwnServices, StringComparison.Ordinal))
        {
            return null;
        }

        // Before the policy, which looks up what the request names: a text the database cannot hold is refused first.
        NulCharacters.ThrowIfAny(request!);
        var principal = context.GetHttpContext().User;
        var caller = Caller.From(principal)
            ?? throw new PermissionDeniedException(context.Method.TrimStart('/'), "a caller without a usable role", "the token names no role this service knows, or lacks what the role needs");
        await authorizer.EnsureAllowedAsync(context.Method, caller, (IMessage)request!, context.CancellationToken);
        return caller;
    }
}
