using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Chuangji.Workflow.Bench.Hosting;

/// <summary>A unary method no host has: the gRPC framework answers it UNIMPLEMENTED before any interceptor or handler runs.</summary>
internal static class UnknownMethod
{
    public static readonly Method<Empty, Empty> Nothing = new(
        MethodType.Unary, "chuangji.bench.v1.Floor", "Nothing",
        Marshallers.Create(message => message.ToByteArray(), Empty.Parser.ParseFrom),
        Marshallers.Create(message => message.ToByteArray(), Empty.Parser.ParseFrom));
}
