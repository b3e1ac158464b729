using Chuangji.Workflow.BuildingBlocks.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Every call of the modules' services (chuangji.*) passes its RPC's policy before the handler runs;
/// health and reflection are open by design (their endpoints allow anonymous callers).
/// </summary>
internal sealed class RpcAuthorizationInterceptor(RpcAuthorizer authorizer) : Interceptor
{
    private const string OwnServices = "/chuangji.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(request, context);
        await continuation(request, responseStream, context);
    }

    private Task AuthorizeAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        if (!context.Method.StartsWith(OwnServices, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var principal = context.GetHttpContext().User;
        var caller = Caller.From(principal)
            ?? throw new PermissionDeniedException(context.Method.TrimStart('/'), "a caller without a usable role", "the token names no role this service knows, or lacks what the role needs");
        return authorizer.EnsureAllowedAsync(context.Method, caller, (IMessage)request!, context.CancellationToken);
    }
}
