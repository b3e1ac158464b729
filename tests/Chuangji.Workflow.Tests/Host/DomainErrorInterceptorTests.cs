using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Host.Errors;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Chuangji.Workflow.Tests.Host;

public sealed class DomainErrorInterceptorTests
{
    private readonly DomainErrorInterceptor _interceptor = new(NullLogger<DomainErrorInterceptor>.Instance);

    [Fact]
    public async Task UnaryCall_WhenHandlerFailsUnexpectedly_IsInternalWithNothingOfTheExceptionLeaked()
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new InvalidOperationException("connection string Data Source=/secret/path"));

        var error = (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which;

        error.StatusCode.Should().Be(StatusCode.Internal);
        error.Status.Detail.Should().StartWith("internal error; reference ").And.NotContain("secret").And.NotContain("InvalidOperation");
    }

    [Fact]
    public async Task UnaryCall_WhenHandlerRefuses_KeepsTheRefusalsStatus()
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new FailedPreconditionException("cycle T1001", "CYCLE_STATE_PUBLICITY", ["RaiseObjection"], "publicity window is open"));

        var error = (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which;

        error.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        error.Status.Detail.Should().Be("cycle T1001 is CYCLE_STATE_PUBLICITY: publicity window is open; permitted: RaiseObjection");
    }

    [Fact]
    public async Task UnaryCall_WhenHandlerThrowsRpcException_PassesItThrough()
    {
        var original = new RpcException(new Status(StatusCode.Unavailable, "try later"));
        var call = _interceptor.UnaryServerHandler<string, string>("request", new FakeServerCallContext(), (_, _) => throw original);

        (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which.Should().BeSameAs(original);
    }

    [Theory]
    [InlineData("40P01", StatusCode.Aborted)] // deadlock detected: this transaction was chosen to lose
    [InlineData("40001", StatusCode.Aborted)] // serialization failure
    [InlineData("55P03", StatusCode.Unavailable)] // lock not available: busy, not a lost conflict
    public async Task UnaryCall_WhenPostgreSqlRollsBackForAConcurrentTransaction_IsAbortedOrBusy(string sqlState, StatusCode expected)
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new PostgresException("concurrent", "ERROR", "ERROR", sqlState));

        var error = (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which;

        error.StatusCode.Should().Be(expected);
        error.Status.Detail.Should().Be(expected == StatusCode.Aborted
            ? "a concurrent change to the same data won; nothing of this call was stored: read again and retry"
            : "the database is busy; retry shortly");
    }

    [Fact]
    public async Task UnaryCall_WhenSqliteIsBusyPastItsTimeout_IsUnavailable()
    {
        var call = _interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new SqliteException("database is locked", 5));

        (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unavailable);
    }

    [Theory]
    [InlineData(false, StatusCode.Cancelled, "the call was cancelled")]
    [InlineData(true, StatusCode.DeadlineExceeded, "the call's deadline passed before the service finished it")]
    public async Task StreamingCall_WhenTheCallIsCancelled_AndTheWorkFailsAnyHowWhileTornDown_IsCancelledOrDeadlineExceeded_NotInternal(
        bool deadlinePassed, StatusCode expected, string detail)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var context = new FakeServerCallContext(cancelled.Token, deadlinePassed ? DateTime.UtcNow.AddSeconds(-1) : DateTime.MaxValue);
        var call = _interceptor.ServerStreamingServerHandler<string, string>(
            "request", null!, context, (_, _, _) => throw new InvalidOperationException("Can't write the message because the request is complete."));

        var error = (await call.Invoking(c => c).Should().ThrowAsync<RpcException>()).Which;

        error.StatusCode.Should().Be(expected);
        error.Status.Detail.Should().Be(detail);
    }

    private sealed class FakeServerCallContext(CancellationToken cancellation = default, DateTime? deadline = null) : ServerCallContext
    {
        protected override string MethodCore => "/chuangji.test.v1.TestService/Fail";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => deadline ?? DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => cancellation;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
