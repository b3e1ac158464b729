using System.Collections.Frozen;
using System.Diagnostics;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chuangji.Workflow.Host.Telemetry;

/// <summary>
/// Every call's duration by method and the status its caller received, over gRPC and HTTP/JSON alike. The outermost
/// interceptor, so the status is the final one: a refusal already mapped, an authorization's refusal included. Calls
/// refused before any interceptor runs (no valid token, an oversized message) are ASP.NET Core's http.server.request.duration only.
/// The call's span, when one is recorded, gets the RPC's semantic-convention tags as well.
/// </summary>
internal sealed class RpcMetricsInterceptor(ServiceMetrics metrics) : Interceptor
{
    private static readonly FrozenDictionary<StatusCode, string> StatusNames =
        Enum.GetValues<StatusCode>().ToFrozenDictionary(code => code, DomainErrorStatus.CanonicalName);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        MeasureAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    private async Task<T> MeasureAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        // What grpc-dotnet answers for an exception that is no RpcException; the error interceptor leaves none.
        var status = StatusCode.Unknown;
        try
        {
            var response = await call();
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException refusal)
        {
            status = refusal.StatusCode;
            throw;
        }
        finally
        {
            Record(context.Method, status, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(string method, StatusCode status, TimeSpan duration)
    {
        var statusName = StatusNames.GetValueOrDefault(status, "UNKNOWN");
        metrics.RpcDuration.Record(duration.TotalSeconds, new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", statusName } });
        var slash = method.LastIndexOf('/');
        if (Activity.Current is { IsAllDataRequested: true } span && slash > 0)
        {
            // OpenTelemetry's RPC conventions: the service and the method apart, the status as its number.
            span.SetTag("rpc.system", "grpc");
            span.SetTag("rpc.service", method[1..slash]);
            span.SetTag("rpc.method", method[(slash + 1)..]);
            span.SetTag("rpc.grpc.status_code", (int)status);
        }
    }
}
