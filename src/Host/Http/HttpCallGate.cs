using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.Host.Security;
using Google.Protobuf;

namespace Chuangji.Workflow.Host.Http;

/// <summary>
/// The gRPC path's authorization for a call over plain HTTP: the bearer token was checked by the authentication
/// middleware (every endpoint requires a caller unless it opts out); here the RPC's policy decides.
/// </summary>
internal sealed class HttpCallGate(RpcAuthorizer authorizer) : IHttpCallGate
{
    public async Task<HttpCaller> AuthorizeAsync(HttpContext http, string rpcMethod, IMessage request, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User)
            ?? throw new PermissionDeniedException(rpcMethod.TrimStart('/'), "a caller without a usable role", "the token names no role this service knows, or lacks what the role needs");
        await authorizer.EnsureAllowedAsync(rpcMethod, caller, request, cancellationToken);
        return new HttpCaller(caller.Subject, method => RpcAuthorizer.Reaches(method, caller));
    }
}
