using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chuangji.Workflow.Host.Grpc;

/// <summary>
/// A request body that is not a valid message of the RPC's request type is the caller's mistake: INVALID_ARGUMENT
/// "the request body is not a valid chuangji.members.v1.GetMemberRequest", logged as a Warning without a stack
/// trace. Grpc.AspNetCore parses the body before any interceptor runs and answers a parse failure UNKNOWN with an
/// Error log, so the parsing itself is guarded: every method is bound with its request marshaller wrapped
/// (ADR 12). This replaces Grpc.AspNetCore's own binder of generated services; it binds them the same way.
/// </summary>
internal static partial class CheckedRequestBodies
{
    public static IServiceCollection AddCheckedRequestBodies(this IServiceCollection services)
    {
        var binders = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                && d.ImplementationType?.Assembly == typeof(IServiceMethodProvider<>).Assembly)
            .ToList();
        if (binders.Count == 0)
        {
            throw new InvalidOperationException("call AddCheckedRequestBodies after AddGrpc: Grpc.AspNetCore's binder of generated services is not registered");
        }

        binders.ForEach(binder => services.Remove(binder));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(CheckedMethodProvider<>)));
        return services;
    }

    /// <summary>The request's marshaller, whose parse failure is a refusal naming the message type.</summary>
    public static Marshaller<TRequest> Guard<TRequest>(Marshaller<TRequest> marshaller, string rpc, ILogger logger)
        where TRequest : class
    {
        var type = typeof(TRequest).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is Google.Protobuf.Reflection.MessageDescriptor descriptor
            ? descriptor.FullName
            : typeof(TRequest).Name;
        var refusal = new Status(StatusCode.InvalidArgument, $"the request body is not a valid {type}");
        var parse = marshaller.ContextualDeserializer;
        return new Marshaller<TRequest>(marshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            catch (InvalidProtocolBufferException exception)
            {
                LogMalformed(logger, rpc, type, exception.Message);
                throw new RpcException(refusal);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Rpc} refused a request body that is not a valid {MessageType}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string rpc, string messageType, string reason);
}
