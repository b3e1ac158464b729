using Google.Rpc;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>Reads the rich details (google.rpc.*) the service attaches to a refusal.</summary>
public static class RpcAssertions
{
    public static async Task<RpcException> ShouldFailWith(this Task call, StatusCode code)
    {
        var exception = (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which;
        exception.StatusCode.Should().Be(code, "the message was: {0}", exception.Status.Detail);
        return exception;
    }

    public static Task<RpcException> ShouldFailWith<T>(this AsyncUnaryCall<T> call, StatusCode code) =>
        call.ResponseAsync.ShouldFailWith(code);

    public static IReadOnlyList<string> ViolatedFields(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static ErrorInfo? ErrorInfo(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
}
