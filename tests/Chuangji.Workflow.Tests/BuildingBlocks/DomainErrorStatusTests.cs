using Chuangji.Workflow.BuildingBlocks.Grpc;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.BuildingBlocks;

public sealed class DomainErrorStatusTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.AlreadyExists, "ALREADY_EXISTS")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.Aborted, "ABORTED")]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    public void CanonicalName_IsTheGrpcSpecName(StatusCode code, string name)
    {
        DomainErrorStatus.CanonicalName(code).Should().Be(name);
    }
}
