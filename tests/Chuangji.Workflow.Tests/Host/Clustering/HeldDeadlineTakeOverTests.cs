using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>
/// Issue 15: a stopped instance's due work is taken over by the other. The instance holding a deadline's trigger
/// (acquired by its scheduler, to fire at the moment) is killed before the moment; the survivor counts it failed once
/// its check-in lapses, releases the trigger and fires it: the phase closes once.
/// </summary>
[RunsLong]
public sealed class HeldDeadlineTakeOverTests
{
    [PostgreSqlOnlyFact]
    public async Task TheInstanceHoldingADeadlinesTrigger_KilledBeforeTheMoment_TheOtherClosesThePhaseOnce()
    {
        await using var pair = await CommitmentDeadline.OpenTheYearShortlyBeforeAsync();
        ClusterRecords.FiredTrigger? held = null;
        await CommitmentDeadline.WaitUntilAsync(pair, async () =>
            (held = (await pair.Tables.FiredTriggersAsync()).SingleOrDefault(t => t.TriggerName == CommitmentDeadline.Trigger)) is not null,
            TimeSpan.FromSeconds(30), "an instance acquires the deadline's trigger");
        var holder = pair.ByQuartzId(held!.InstanceName);

        await holder.Service.KillAsync();

        pair.Now.Should().BeBefore(CommitmentDeadline.ClosesAt, "the holder must be killed before the deadline, holding its trigger unfired");
        (await pair.Tables.FiredTriggersAsync()).Should().ContainSingle(t => t.TriggerName == CommitmentDeadline.Trigger)
            .Which.Should().Be(held with { State = "ACQUIRED" }, "the killed instance held the trigger, and nothing of it ran");
        (await pair.Tables.DoneAsync()).Should().NotContain(CommitmentDeadline.Close);

        await CommitmentDeadline.ClosedAsync(pair, "the survivor takes the deadline over");
        var survivor = pair.Other(holder);
        await CommitmentDeadline.DoneOnceAsync(survivor);
        await CommitmentDeadline.RecoveredAsync(pair, holder);
    }
}
