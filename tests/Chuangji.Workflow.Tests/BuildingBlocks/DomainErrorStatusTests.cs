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
    public void CanonicalName_IsTheGrpcSpecName(StatusCode code, string name)
    {
        DomainErrorStatus.CanonicalName(code).Should().Be(name);
    }
}
