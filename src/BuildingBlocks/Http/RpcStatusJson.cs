using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using HttpResponse = Microsoft.AspNetCore.Http.HttpResponse;
using Microsoft.AspNetCore.Http;

namespace Chuangji.Workflow.BuildingBlocks.Http;

/// <summary>
/// Every refusal over plain HTTP has one body, whichever route made it: <c>google.rpc.Status</c> as protobuf's JSON
/// mapping writes it (<c>{"code": 3, "message": …, "details": [{"@type": …BadRequest, "fieldViolations": […]}]}</c>),
/// the body gRPC JSON transcoding gives a refused <c>/v1</c> call, so a client reads a document's refusal as it reads an RPC's.
/// </summary>
public static class RpcStatusJson
{
    /// <summary>The details the service attaches to refusals, so a JSON writer can name their types.</summary>
    public static readonly TypeRegistry Details = TypeRegistry.FromMessages(
        BadRequest.Descriptor, ErrorInfo.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Details).WithFormatDefaultValues(true));

    public static Task WriteAsync(HttpResponse response, int httpStatus, Status status, CancellationToken cancellationToken = default)
    {
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(Formatter.Format(status), cancellationToken);
    }

    /// <summary>A refusal without details: the code and the message.</summary>
    public static Task WriteAsync(HttpResponse response, int httpStatus, global::Grpc.Core.StatusCode code, string message, CancellationToken cancellationToken = default) =>
        WriteAsync(response, httpStatus, new Status { Code = (int)code, Message = message }, cancellationToken);
}
