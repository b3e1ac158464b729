using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.Host.Telemetry;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chuangji.Workflow.Tests.Host.Telemetry;

/// <summary>
/// OpenTelemetry is there when an OTLP endpoint is configured and not at all when none is (ADR 24); each test starts
/// its own host, the settings being the point.
/// </summary>
public sealed class OpenTelemetryExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACall_WithAnEndpointConfigured_IsExportedAsASpanNamingItsRpc_AndMeasured()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>
        {
            [OpenTelemetryRegistration.EndpointSetting] = receiver.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        await new WorkflowService.WorkflowServiceClient(service.Channel).GetDefaultCalendarAsync(new GetDefaultCalendarRequest { Year = 2026 });

        var traces = service.Services.GetRequiredService<TracerProvider>();
        var metrics = service.Services.GetRequiredService<MeterProvider>();
        (await receiver.ReceivedAsync("/v1/traces", ["chuangji.workflow.v1.WorkflowService/GetDefaultCalendar", "rpc.method"], () => traces.ForceFlush(), Patience))
            .Should().BeTrue("the call's span names its RPC, with OpenTelemetry's RPC tags; received: {0}", receiver.Received);
        (await receiver.ReceivedAsync("/v1/metrics", [ServiceMetrics.RpcDurationName], () => metrics.ForceFlush(), Patience))
            .Should().BeTrue("the service's meter is exported; received: {0}", receiver.Received);
    }

    [Fact]
    public async Task NoProvider_IsRegistered_WithoutAnEndpoint()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { [OpenTelemetryRegistration.EndpointSetting] = "" });

        service.Services.GetService<TracerProvider>().Should().BeNull();
        service.Services.GetService<MeterProvider>().Should().BeNull();
    }
}
