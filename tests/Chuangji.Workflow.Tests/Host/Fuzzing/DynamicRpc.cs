using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>How one call ended: the status, its trailers, and the response when there was one.</summary>
internal sealed record Answer(StatusCode Code, string Detail, Metadata Trailers, IMessage? Response);

/// <summary>
/// Calls any RPC of the contracts from its descriptor alone, with the request as a message or as raw bytes
/// (framed by the client like any other message, so the bytes reach the service's parser as they are).
/// </summary>
internal static class DynamicRpc
{
    /// <summary>How long the caller waits for a stream's headers, or for the refusal that comes instead: however busy the machine.</summary>
    private static readonly TimeSpan HeadersWindow = TimeSpan.FromSeconds(10);

    /// <summary>How long an opened server stream is read before the caller hangs up: short enough to run often.</summary>
    private static readonly TimeSpan StreamWindow = TimeSpan.FromMilliseconds(30);

    public static string PathOf(MethodDescriptor rpc) => $"/{rpc.Service.FullName}/{rpc.Name}";

    public static Task<Answer> CallAsync(CallInvoker invoker, MethodDescriptor rpc, IMessage request) =>
        InvokeAsync(invoker, rpc, MethodOf<IMessage>(rpc, m => m.ToByteArray(), bytes => rpc.InputType.Parser.ParseFrom(bytes)), request);

    public static Task<Answer> CallRawAsync(CallInvoker invoker, MethodDescriptor rpc, byte[] body) =>
        InvokeAsync(invoker, rpc, MethodOf<byte[]>(rpc, bytes => bytes, bytes => bytes), body);

    private static Method<TRequest, IMessage> MethodOf<TRequest>(MethodDescriptor rpc, Func<TRequest, byte[]> serialize, Func<byte[], TRequest> deserialize) =>
        new(
            rpc.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            rpc.Service.FullName,
            rpc.Name,
            Marshallers.Create(serialize, deserialize),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => rpc.OutputType.Parser.ParseFrom(bytes)));

    private static async Task<Answer> InvokeAsync<TRequest>(CallInvoker invoker, MethodDescriptor rpc, Method<TRequest, IMessage> method, TRequest request)
        where TRequest : class
    {
        if (rpc.IsClientStreaming)
        {
            throw new NotSupportedException($"{PathOf(rpc)}: the contracts have no client streams; teach the fuzzer before adding one");
        }

        return rpc.IsServerStreaming ? await StreamAsync(invoker, method, request) : await UnaryAsync(invoker, method, request);
    }

    private static async Task<Answer> UnaryAsync<TRequest>(CallInvoker invoker, Method<TRequest, IMessage> method, TRequest request)
        where TRequest : class
    {
        using var call = invoker.AsyncUnaryCall(method, null, default, request);
        try
        {
            var response = await call.ResponseAsync;
            return new Answer(StatusCode.OK, call.GetStatus().Detail, call.GetTrailers(), response);
        }
        catch (RpcException exception)
        {
            return new Answer(exception.StatusCode, exception.Status.Detail, exception.Trailers, null);
        }
    }

    /// <summary>
    /// Waits for the stream's headers (a refusal answers instead of them), then reads what it sends within
    /// <see cref="StreamWindow"/>; a stream still open then is hung up on (CANCELLED).
    /// </summary>
    private static async Task<Answer> StreamAsync<TRequest>(CallInvoker invoker, Method<TRequest, IMessage> method, TRequest request)
        where TRequest : class
    {
        using var window = new CancellationTokenSource(HeadersWindow);
        using var call = invoker.AsyncServerStreamingCall(method, null, new CallOptions(cancellationToken: window.Token), request);
        IMessage? last = null;
        try
        {
            await call.ResponseHeadersAsync;
            window.CancelAfter(StreamWindow);
            while (await call.ResponseStream.MoveNext(window.Token))
            {
                last = call.ResponseStream.Current;
            }

            return new Answer(StatusCode.OK, call.GetStatus().Detail, call.GetTrailers(), last);
        }
        catch (RpcException) when (window.IsCancellationRequested)
        {
            // Our own hang-up: the service may have seen it first and reset the stream (a long document), which
            // the client then reports as a broken read rather than as the cancellation it is.
            return new Answer(StatusCode.Cancelled, "the client hung up", new Metadata(), last);
        }
        catch (RpcException exception)
        {
            return new Answer(exception.StatusCode, exception.Status.Detail, exception.Trailers, last);
        }
    }
}
