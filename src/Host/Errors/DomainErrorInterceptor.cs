using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Host.Errors;

/// <summary>
/// The one place where failures become statuses: refusals keep their code and details; a
/// concurrent write that lost is ABORTED; anything else is INTERNAL with a reference to the
/// log entry and nothing of the exception itself.
/// </summary>
internal sealed partial class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case DomainException refusal:
                LogRefused(logger, context.Method, DomainErrorStatus.CodeOf(refusal), refusal.Message);
                return DomainErrorStatus.ToRpcException(refusal);
            case DbUpdateConcurrencyException:
                return DomainErrorStatus.ToRpcException(new ConcurrencyConflictException("resource", context.Method, null, null));
            case var conflict when DatabaseErrors.IsLostConflict(conflict):
                LogLostConflict(logger, context.Method);
                return new RpcException(new Status(StatusCode.Aborted, "a concurrent change to the same data won; nothing of this call was stored: read again and retry"));
            case var busy when DatabaseErrors.IsBusy(busy):
                LogBusy(logger, context.Method);
                return new RpcException(new Status(StatusCode.Unavailable, "the database is busy; retry shortly"));
            case var _ when context.CancellationToken.IsCancellationRequested:
                // The caller went away or its deadline passed: whatever the work threw while being torn down (a
                // cancelled command, a stream written after the end) follows from that, and is not the service's fault.
                return context.Deadline <= DateTime.UtcNow
                    ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before the service finished it"))
                    : new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
            case var unreachable when DatabaseErrors.IsUnavailable(unreachable):
                LogUnreachable(logger, context.Method, unreachable);
                return new RpcException(new Status(StatusCode.Unavailable, "the database cannot be reached now; retry shortly"));
            default:
                var reference = Guid.NewGuid().ToString("N")[..12];
                LogFailed(logger, exception, context.Method, reference);
                return new RpcException(new Status(StatusCode.Internal, $"internal error; reference {reference}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} could not reach the database; answered UNAVAILABLE")]
    private static partial void LogUnreachable(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} found the database busy past its timeout")]
    private static partial void LogBusy(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} lost to a concurrent transaction (deadlock or serialization failure); answered ABORTED")]
    private static partial void LogLostConflict(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, StatusCode statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed; reference {Reference}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string reference);
}
