using Chuangji.Workflow.BuildingBlocks.Identity;
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
    /// Checks the RPC's policy for this request and the authenticated caller, refusing as the gRPC path does
    /// (PERMISSION_DENIED with the exceptions the Host turns into HTTP statuses). The answer's
    /// <see cref="HttpCaller.Act"/> makes the caller the identity of what follows.
    /// </summary>
    Task<HttpCaller> AuthorizeAsync(HttpContext http, string rpcMethod, IMessage request, CancellationToken cancellationToken);
}

/// <summary>
/// The caller the gate let through. <see cref="Act"/> is called where the work happens, not inside the gate: an
/// async method's ambient identity does not flow back out of it.
/// </summary>
public sealed class HttpCaller(string subject, Func<string, bool> mayCall)
{
    public IDisposable Act() => CallerIdentity.Begin(subject, mayCall);
}
