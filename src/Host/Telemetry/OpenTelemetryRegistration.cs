using System.Reflection;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chuangji.Workflow.Host.Telemetry;

/// <summary>
/// Traces and metrics over OTLP (the logs stay on the console), registered only when <see cref="EndpointSetting"/> names an endpoint: without one no
/// provider, listener or exporter exists (ADR 24). The exporter reads its other standard variables itself
/// (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, OTEL_BSP_SCHEDULE_DELAY, OTEL_METRIC_EXPORT_INTERVAL…).
/// </summary>
internal static class OpenTelemetryRegistration
{
    /// <summary>OpenTelemetry's own variable, read from any configuration source (the environment, appsettings, --setting).</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "Chuangji.Workflow";

    /// <summary>What the service would trace and measure through Npgsql, once PostgreSQL is a provider (issue 15).</summary>
    private const string Npgsql = "Npgsql";

    private static readonly string[] Meters = [ServiceMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", Npgsql];

    public static WebApplicationBuilder AddOpenTelemetryWhenConfigured(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: ServiceVersion()))
            .WithTracing(tracing => tracing
                // A load balancer asks for health every few seconds: a span each would bury the calls.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource(Npgsql)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddRuntimeInstrumentation()
                .AddOtlpExporter());
        return builder;
    }

    private static string? ServiceVersion() =>
        typeof(OpenTelemetryRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
