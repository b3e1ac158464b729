using Microsoft.AspNetCore.Http.Features;

namespace Chuangji.Workflow.Host.Grpc;

/// <summary>
/// gRPC refuses an oversized message before any interceptor runs, with a status that does not say how large a
/// message may be; this middleware puts the limit into that status, so a caller knows how to split the call.
/// </summary>
internal static class MessageLimitStatus
{
    /// <summary>What Grpc.AspNetCore says when a received message is over MaxReceiveMessageSize.</summary>
    private const string Unnamed = "Received message exceeds the maximum configured message size.";

    public static IApplicationBuilder UseMessageLimitStatus(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        // A refusal before any message was sent travels in the headers ("trailers-only"), otherwise in the trailers.
        var headers = context.Response.HasStarted ? context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers : context.Response.Headers;
        if (headers is not null && headers["grpc-status"] == "8" && Uri.UnescapeDataString(headers["grpc-message"].ToString()) == Unnamed)
        {
            headers["grpc-message"] = Uri.EscapeDataString(MessageLimits.Refusal);
        }
    });
}
