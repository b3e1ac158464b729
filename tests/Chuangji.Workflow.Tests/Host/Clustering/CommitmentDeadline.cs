using System.Diagnostics;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>
/// The commitment deadline of 2026 (2026-02-01 00:00 in Shanghai) met by two instances on moved clocks: the year is
/// opened shortly before it, so its trigger is the next one and nobody has committed; what it must leave behind, once.
/// </summary>
internal static class CommitmentDeadline
{
    public static readonly DateTimeOffset ClosesAt = new(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The deadline's Quartz trigger, named by its UTC minute (YearScheduler).</summary>
    public const string Trigger = "20260131T1600Z";

    /// <summary>The deadline's run-ledger key (ScheduledEvent.Key).</summary>
    public const string Close = "2026/CloseCommitment/2026-01-31";

    public static readonly string[] Members = ["T1002", "T1003", "R2001", "T2001"];

    /// <summary>Time enough for Quartz to count a killed instance failed (its check-in lapsed 15 s) and recover its work, on a busy machine.</summary>
    public static readonly TimeSpan TakeOverTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Starts the pair with its clocks 75 s before the deadline (more when starting took longer than that) and opens the
    /// year 25 s before it: the opening's catch-up makes the reminders due, and the deadline's trigger is inside Quartz's
    /// 30 s look-ahead at once, so the instance that scheduled it acquires it then. Returns once the catch-up is done.
    /// </summary>
    public static async Task<ScheduledPair> OpenTheYearShortlyBeforeAsync()
    {
        var openAt = ClosesAt - TimeSpan.FromSeconds(25);
        var lead = TimeSpan.FromSeconds(75);
        var pair = await ScheduledPair.StartAsync(ClosesAt - lead);
        for (var attempt = 2; attempt <= 3 && pair.Now >= openAt - TimeSpan.FromSeconds(5); attempt++)
        {
            // A machine busy enough that two processes took longer to start than the lead: again, with a lead longer
            // by what the start took, rather than a long lead that every quiet run would wait out.
            var took = pair.Now - (ClosesAt - lead);
            await pair.DisposeAsync();
            lead += took * 2;
            pair = await ScheduledPair.StartAsync(ClosesAt - lead);
        }

        try
        {
            pair.Now.Should().BeBefore(openAt - TimeSpan.FromSeconds(5), "the instances must start in time to open the year before the deadline");
            await Task.Delay(openAt - pair.Now);
            using var channel = pair.Instances[0].NewChannel();
            await new WorkflowService.WorkflowServiceClient(channel).OpenYearAsync(new OpenYearRequest { Year = 2026 }, deadline: CallDeadline);
            // The catch-up's sweep writes the ledger while its trigger is EXECUTING; both seen, the sweep is over.
            await WaitUntilAsync(pair, async () => (await pair.Tables.DoneAsync()).Count > 0 && (await pair.Tables.FiredTriggersAsync()).All(t => t.State != "EXECUTING"),
                TimeSpan.FromSeconds(30), "the opening's catch-up ends");
            pair.Now.Should().BeBefore(ClosesAt, "the catch-up must be over before the deadline");
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the close in the run ledger, however it comes about.</summary>
    public static Task ClosedAsync(ScheduledPair pair, string because) =>
        WaitUntilAsync(pair, async () => (await pair.Tables.DoneAsync()).Contains(Close), TakeOverTimeout, because);

    /// <summary>The phase closed once for every member, each NO_COMMITMENT recorded once, each reminder and check report made once, nothing failed.</summary>
    public static async Task DoneOnceAsync(ScheduledInstance survivor)
    {
        using var channel = survivor.NewChannel();
        var workflow = new WorkflowService.WorkflowServiceClient(channel);
        foreach (var staff in Members)
        {
            var cycle = (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staff }, deadline: CallDeadline)).Cycle;
            cycle.State.Should().Be(CycleState.SelfReport, "{0}'s commitment phase is closed", staff);
            cycle.History.Where(t => t.Trigger == "CloseCommitmentPhase").Should().ContainSingle("{0}'s commitment phase closed once", staff)
                .Which.Actor.Should().Be("scheduler");
        }

        var facts = (await new AssessmentService.AssessmentServiceClient(channel)
            .ListEventsAsync(new ListEventsRequest { Year = 2026, IncludeRevoked = true, PageSize = 500 }, deadline: CallDeadline)).Facts;
        facts.Where(f => f.Kind == "NO_COMMITMENT").Select(f => f.StaffNumber).Should().BeEquivalentTo(Members, "each missing commitment is recorded once");
        facts.GroupBy(f => (f.StaffNumber, f.Kind, f.OccurredOn)).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("no fact is recorded twice");

        var reminders = (await new ReminderService.ReminderServiceClient(channel)
            .ListRemindersAsync(new ListRemindersRequest { Year = 2026, PageSize = 500 }, deadline: CallDeadline)).Reminders;
        reminders.Where(r => r.StaffNumber.Length > 0 && r.Recipient == ReminderRecipient.Member).Select(r => r.StaffNumber)
            .Should().BeEquivalentTo(Members, "the day before the deadline every member is reminded, once");
        reminders.GroupBy(r => (r.Kind, r.Recipient, r.StaffNumber, r.BranchCode, r.Deadline, r.DaysBefore)).Where(g => g.Count() > 1).Select(g => g.Key)
            .Should().BeEmpty("no reminder is made twice");

        var reports = (await new CheckReportService.CheckReportServiceClient(channel)
            .ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, PageSize = 500 }, deadline: CallDeadline)).Reports;
        reports.GroupBy(r => (r.Kind, r.Period, r.BranchCode)).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("no check report is made twice");

        (await workflow.GetYearAsync(new GetYearRequest { Year = 2026 }, deadline: CallDeadline)).Year.ScheduleFailures.Should().BeEmpty("no sweep failed");
    }

    /// <summary>The killed instance is gone from the cluster: the survivor counted it failed and took its fired triggers over.</summary>
    public static async Task RecoveredAsync(ScheduledPair pair, ScheduledInstance killed)
    {
        (await pair.Tables.SchedulerInstancesAsync()).Should().NotContain(killed.QuartzId, "the survivor removes a failed instance once it has recovered its work");
        (await pair.Tables.FiredTriggersAsync()).Where(t => t.InstanceName == killed.QuartzId).Should().BeEmpty("nothing stays held by the killed instance");
    }

    public static async Task WaitUntilAsync(ScheduledPair pair, Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"waited {timeout.TotalSeconds:F0} s until {what} (clock {pair.Now:O}); fired triggers: " +
                    $"{string.Join("; ", await pair.Tables.FiredTriggersAsync())}; the instances' last output:\n{pair.Output()}");
            }

            await Task.Delay(200);
        }
    }

    private static DateTime CallDeadline => DateTime.UtcNow.AddSeconds(30);
}
