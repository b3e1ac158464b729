using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>
/// Two instances of the service on one PostgreSQL database, each with its own scheduler and clock (set alike), as two
/// machines behind a load balancer: the college B01 (T1002, T1003, retired R2001) and B02 (T2001), secretary T1001.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset January5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private TestService _first = null!;
    private TestService _second = null!;

    public async Task InitializeAsync()
    {
        if (!TestDatabase.OnPostgreSql)
        {
            return;
        }

        _first = await TestService.StartSeededAsync(MembersFixtures.TestCollege(January5), TestService.WithScheduler);
        _second = _first.StartSecondInstance();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }

    [PostgreSqlOnlyFact]
    public async Task TheSameRequestIds_SentToBothAtOnce_AreStoredOnce_AndAnsweredWithTheSameFact()
    {
        var requests = Enumerable.Range(0, 40)
            .Select(i => new RecordEventRequest { Fact = new FactInput { StaffNumber = i % 2 == 0 ? "T1002" : "T1003", Kind = "MEETING_LATE", OccurredOn = "2026-01-02", RequestId = $"race-{i}" } })
            .ToList();

        // Each request three times on each instance, all at once.
        var calls = requests.SelectMany(r => new[] { _first, _second, _first, _second, _first, _second }
            .Select(instance => new AssessmentService.AssessmentServiceClient(instance.Channel).RecordEventAsync(r).ResponseAsync)).ToList();
        var answers = await Task.WhenAll(calls);

        answers.GroupBy(a => a.Fact.RequestId).Should().HaveCount(40)
            .And.OnlyContain(g => g.Select(a => a.Fact.FactId).Distinct().Count() == 1, "every answer to a request id names the one stored fact")
            .And.OnlyContain(g => g.Count(a => !a.Replayed) == 1, "one answer recorded it, the five others replayed it");
        var stored = await new AssessmentService.AssessmentServiceClient(_second.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "MEETING_LATE", PageSize = 500 });
        stored.Facts.Select(f => f.RequestId).Should().OnlyHaveUniqueItems().And.HaveCount(40);
    }

    [PostgreSqlOnlyFact]
    public async Task AdvancesAndMembersOwnSteps_RacingOnBothInstances_NeverBothWin()
    {
        var firstWorkflow = new WorkflowService.WorkflowServiceClient(_first.Channel);
        var secondWorkflow = new WorkflowService.WorkflowServiceClient(_second.Channel);
        await firstWorkflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });

        var advance = new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport };
        var advances = Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? firstWorkflow : secondWorkflow).AdvancePhaseAsync(advance).ResponseAsync).ToList();
        string[] committing = ["T1002", "T1003"];
        var commitments = committing.Select((staff, i) => Outcome((i % 2 == 0 ? secondWorkflow : firstWorkflow)
            .SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = staff, Commitment = "带头完成教学任务", Actor = staff }).ResponseAsync)).ToList();
        var answers = await Task.WhenAll(advances);
        var committed = await Task.WhenAll(commitments);

        committed.Should().OnlyContain(code => code == StatusCode.OK || code == StatusCode.FailedPrecondition || code == StatusCode.Aborted,
            "a commitment either lands before its cycle moves or is refused after; it never overwrites the move");
        // A commitment that lands first moves its own cycle to the first half (docs/domain.md §3): the advances then find it there.
        var movedByCommitment = committing.Where((_, i) => committed[i] == StatusCode.OK).ToHashSet();
        var told = string.Join(" | ", answers.Select(a => string.Join(", ", a.Results.Select(r => $"{r.StaffNumber}:{(r.Moved ? "moved" : r.Reason)}"))));
        (answers.Sum(a => a.MovedCount) + movedByCommitment.Count).Should().Be(4,
            "each of the four cycles moves once, by one of the advances or by its member's commitment (the answers: {0}; the commitments: {1})",
            told, string.Join(", ", committed));
        foreach (var staff in new[] { "T1002", "T1003", "R2001", "T2001" })
        {
            var cycle = (await secondWorkflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staff })).Cycle;
            cycle.State.Should().Be(CycleState.SelfReport);
            cycle.History.Where(t => t.ToState == CycleState.SelfReport).Should().ContainSingle("{0} took the step once", staff)
                .Which.Trigger.Should().Be(movedByCommitment.Contains(staff) ? "SubmitCommitment" : "CloseCommitmentPhase", "{0}'s step was its own commitment or the close", staff);
        }
    }

    [PostgreSqlOnlyFact]
    public async Task ADeadline_WithTwoSchedulers_ClosesThePhaseOnce_AndRecordsEachMissingCommitmentOnce()
    {
        await new WorkflowService.WorkflowServiceClient(_first.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        await _first.ScheduleCaughtUpAsync();

        // 2026-02-01 00:05 in Shanghai: the commitment phase closed five minutes ago. Either instance's scheduler may do it.
        var afterDeadline = new DateTimeOffset(2026, 2, 1, 0, 5, 0, TimeSpan.FromHours(8));
        _first.Time.SetUtcNow(afterDeadline);
        _second.Time.SetUtcNow(afterDeadline);
        await Task.WhenAny(_first.ScheduleCaughtUpAsync(), _second.ScheduleCaughtUpAsync()).Unwrap();
        // The other instance sweeps too when its own trigger or start-up catch-up comes round: it finds the work done.
        await new WorkflowService.WorkflowServiceClient(_second.Channel).RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2026 });

        var workflow = new WorkflowService.WorkflowServiceClient(_second.Channel);
        foreach (var staff in new[] { "T1002", "T1003", "R2001", "T2001" })
        {
            var cycle = (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staff })).Cycle;
            cycle.History.Count(t => t.ToState == CycleState.SelfReport).Should().Be(1, "{0}'s commitment phase closed once", staff);
        }

        var noCommitment = await new AssessmentService.AssessmentServiceClient(_first.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = "NO_COMMITMENT", PageSize = 50 });
        noCommitment.Facts.Select(f => f.StaffNumber).Should().BeEquivalentTo(["T1002", "T1003", "R2001", "T2001"], "each missing commitment is recorded once");
        (await workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.ScheduleFailures.Should().BeEmpty("no instance's sweep failed over the other's");
    }

    [PostgreSqlOnlyFact]
    public async Task AStreamOnOneInstance_ReceivesTheRemindersTheOtherMakes_Live_AndResumesWithoutLossOrRepeat()
    {
        var reminders = new ReminderService.ReminderServiceClient(_second.Channel);
        // Less than the streams' 30 s recheck: what arrives in time was woken by the other instance's notification.
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = reminders.WatchReminders(new WatchRemindersRequest(), cancellationToken: watching.Token);

        // Only the first instance's scheduler is left to make reminders: the second stops sweeping by being told nothing.
        await new WorkflowService.WorkflowServiceClient(_first.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        _first.Time.SetUtcNow(new DateTimeOffset(2026, 1, 24, 9, 5, 0, TimeSpan.FromHours(8)));
        await new WorkflowService.WorkflowServiceClient(_first.Channel).RetryScheduledWorkAsync(new RetryScheduledWorkRequest { Year = 2026 });
        var made = (await new ReminderService.ReminderServiceClient(_first.Channel).ListRemindersAsync(new ListRemindersRequest { PageSize = 500 })).Reminders;
        made.Should().NotBeEmpty("a week before the commitment deadline every member is reminded");

        var received = new List<long>();
        while (received.Count < made.Count && await stream.ResponseStream.MoveNext(watching.Token))
        {
            received.Add(stream.ResponseStream.Current.Reminder.Id);
        }

        received.Should().Equal(made.Select(r => r.Id), "the stream on the other instance has every reminder, in order, well before its 30 s recheck");
        using var resumed = reminders.WatchReminders(new WatchRemindersRequest { AfterId = received[made.Count / 2 - 1] }, cancellationToken: watching.Token);
        var rest = new List<long>();
        while (rest.Count < made.Count - made.Count / 2 && await resumed.ResponseStream.MoveNext(watching.Token))
        {
            rest.Add(resumed.ResponseStream.Current.Reminder.Id);
        }

        rest.Should().Equal(made.Skip(made.Count / 2).Select(r => r.Id), "resuming after a cursor repeats nothing and loses nothing");
    }

    [PostgreSqlOnlyFact]
    public async Task Sweeps_TakeTurnsAcrossTheInstances_AndEveryOneEnds()
    {
        await new WorkflowService.WorkflowServiceClient(_first.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        var sweeps = new[] { _first, _second }.Select(instance => instance.Services.GetRequiredService<DueWorkRunner>()).ToList();

        // Each takes the database-wide turn and gives it back, so the other's next sweep never waits for ever.
        for (var round = 0; round < 3; round++)
        {
            foreach (var sweep in sweeps)
            {
                await sweep.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        await Task.WhenAll(sweeps.Select(sweep => sweep.RunAsync(CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException refused)
        {
            return refused.StatusCode;
        }
    }
}
