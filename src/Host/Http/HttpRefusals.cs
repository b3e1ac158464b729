using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace Chuangji.Workflow.Host.Http;

/// <summary>
/// A refusal over plain HTTP says what the gRPC status says: the HTTP status gRPC's own HTTP mapping gives the code
/// (as JSON transcoding answers), and the body a transcoded refusal has (<see cref="RpcStatusJson"/>): the code, the
/// message and the details that name the fields. A failure of the service stays a 500 without internals.
/// </summary>
internal sealed class HttpRefusals(ILogger<HttpRefusals> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException refusal || http.Response.HasStarted)
        {
            return false;
        }

        var code = DomainErrorStatus.CodeOf(refusal);
        logger.LogInformation("{Path} refused with {StatusCode}: {Reason}", http.Request.Path.Value, code, refusal.Message);
        await RpcStatusJson.WriteAsync(http.Response, StatusOf(code), DomainErrorStatus.ToStatus(refusal), cancellationToken);
        return true;
    }

    public static int StatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };
}
