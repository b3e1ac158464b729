using System.Diagnostics.Metrics;

namespace Chuangji.Workflow.BuildingBlocks.Telemetry;

/// <summary>
/// The service's own measures, on the meter <see cref="MeterName"/>: what an operator watches beyond requests and the
/// runtime. Made by the host's <see cref="IMeterFactory"/>, so each host (and each test's) has its own; with no
/// listener an instrument's Add is a check of a flag and nothing more.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "Chuangji.Workflow";

    /// <summary>The instrument of <see cref="RpcDuration"/>, tagged <c>rpc.method</c> and <c>rpc.grpc.status_code</c>.</summary>
    public const string RpcDurationName = "chuangji.rpc.server.duration";

    /// <summary>ASP.NET Core's boundaries for http.server.request.duration: the SDK's default ones are for milliseconds.</summary>
    private static readonly double[] SecondsBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public ServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        FactsRecorded = meter.CreateCounter<long>("chuangji.facts.recorded", "{fact}", "Facts stored, retries of a request counted once.");
        FactCommits = meter.CreateCounter<long>("chuangji.fact_writer.commits", "{commit}", "Transactions of the group-commit fact writer.");
        FactsPerCommit = meter.CreateHistogram<int>("chuangji.fact_writer.facts_per_commit", "{fact}", "Facts asked for in one commit of the fact writer.");
        ScheduledEvents = meter.CreateCounter<long>("chuangji.schedule.events", "{event}", "Scheduled events run, by work and outcome (done, failed).");
        RemindersMade = meter.CreateCounter<long>("chuangji.reminders.made", "{reminder}", "Reminders written for members and secretaries.");
        RemindersAcknowledged = meter.CreateCounter<long>("chuangji.reminders.acknowledged", "{reminder}", "Reminders the messaging bridge says it delivered (the first acknowledgement).");
        RpcDuration = meter.CreateHistogram(RpcDurationName, "s", "Calls of the service's RPCs (gRPC or HTTP/JSON) from the first interceptor on, by method and the status the caller received; a stream's call lasts as long as the stream.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBoundaries });
    }

    public Counter<long> FactsRecorded { get; }

    public Counter<long> FactCommits { get; }

    public Histogram<int> FactsPerCommit { get; }

    public Counter<long> ScheduledEvents { get; }

    public Counter<long> RemindersMade { get; }

    public Counter<long> RemindersAcknowledged { get; }

    public Histogram<double> RpcDuration { get; }
}
