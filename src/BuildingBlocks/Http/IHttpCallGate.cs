using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Chuangji.Workflow.BuildingBlocks.Http;

/// <summary>
/// A call that arrives over plain HTTP passes the policy of the RPC it stands for, with the request message that
/// RPC would take: one table of who may do what, whichever way a call comes. The Host implements it.
/// </summary>
public interface IHttpCallGate
{
    /// <summary>
    /// Authenticates the bearer token, checks the RPC's policy for this request and makes its caller the identity of
    /// what follows until the result is disposed. Refuses as the gRPC path does (UNAUTHENTICATED, PERMISSION_DENIED),
    /// with the exceptions the Host turns into HTTP statuses.
    /// </summary>
    Task<IDisposable> EnterAsync(HttpContext http, string rpcMethod, IMessage request, CancellationToken cancellationToken);
}
