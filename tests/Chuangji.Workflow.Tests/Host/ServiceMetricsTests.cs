using System.Diagnostics.Metrics;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// The service's own measures (issue 15), read from this host's meter only: the test college with the scheduler on,
/// 2026 opened on 01-05, the clock then moved to 01-24 (a week before the commitment deadline) and past it.
/// </summary>
public sealed class ServiceMetricsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset January5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(January5), TestService.WithScheduler);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_service.Services.GetRequiredService<IMeterFactory>(), ServiceMetrics.MeterName, instrument);

    [Fact]
    public async Task FactsRecorded_CountARetryOnce_AndTheWriterSaysHowManyFactsEachCommitCarried()
    {
        using var recorded = Collect<long>("chuangji.facts.recorded");
        using var perCommit = Collect<int>("chuangji.fact_writer.facts_per_commit");
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        FactInput Fact(string requestId) => new() { StaffNumber = "T1002", Kind = "MEETING_ABSENCE", OccurredOn = "2026-01-04", RequestId = requestId };

        await assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("a") });
        await assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("a") });
        await assessment.RecordEventsAsync(new RecordEventsRequest { Facts = { Fact("b"), Fact("c") } });

        recorded.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(3, "a, b and c; the retry of a is the original");
        perCommit.GetMeasurementSnapshot().Select(m => m.Value).Should().Contain(2, "b and c went in one commit");
    }

    [Fact]
    public async Task ScheduledEvents_RemindersMade_AndTheirFirstAcknowledgement_AreCounted()
    {
        using var events = Collect<long>("chuangji.schedule.events");
        using var made = Collect<long>("chuangji.reminders.made");
        using var acknowledged = Collect<long>("chuangji.reminders.acknowledged");
        await new WorkflowService.WorkflowServiceClient(_service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
        await _service.ScheduleCaughtUpAsync();

        _service.Time.SetUtcNow(new DateTimeOffset(2026, 1, 24, 10, 0, 0, TimeSpan.FromHours(8)));
        await _service.ScheduleCaughtUpAsync();
        var reminders = new ReminderService.ReminderServiceClient(_service.Channel);
        var first = (await reminders.ListRemindersAsync(new ListRemindersRequest { Year = 2026, PageSize = 500 })).Reminders;
        await reminders.AckReminderAsync(new AckReminderRequest { Id = first[0].Id, DeliveredBy = "messaging" });
        await reminders.AckReminderAsync(new AckReminderRequest { Id = first[0].Id, DeliveredBy = "messaging" });
        _service.Time.SetUtcNow(new DateTimeOffset(2026, 2, 1, 0, 5, 0, TimeSpan.FromHours(8)));
        await _service.ScheduleCaughtUpAsync();

        made.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(first.Count, "every reminder written is counted once").And.BeGreaterThan(0);
        acknowledged.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(1, "the second acknowledgement changes nothing");
        var done = events.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], "done")).ToList();
        done.Where(m => Equals(m.Tags["work"], "CloseCommitment")).Should().ContainSingle("the deadline closed the phase once");
        events.GetMeasurementSnapshot().Where(m => Equals(m.Tags["outcome"], "failed")).Should().BeEmpty();
    }
}
