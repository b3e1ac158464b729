using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>
/// Issue 15: a stopped instance's due work is taken over by the other, also when it dies in the middle of it. A
/// deadline's sweep is made to wait (the test holds the database-wide turn every sweep takes) so that it is surely in
/// flight when its instance is killed; the survivor counts the instance failed once its check-in lapses and runs the
/// sweep again (the job requests recovery): the phase closes once.
/// </summary>
[RunsLong]
public sealed class InFlightSweepTakeOverTests
{
    [PostgreSqlOnlyFact]
    public async Task TheInstanceSweepingADeadline_KilledMidSweep_TheOtherRunsItAgain_AndThePhaseClosesOnce()
    {
        await using var pair = await CommitmentDeadline.OpenTheYearShortlyBeforeAsync();
        ClusterRecords.FiredTrigger? executing = null;
        await using (await pair.Tables.HoldTheSweepsTurnAsync())
        {
            await CommitmentDeadline.WaitUntilAsync(pair, async () =>
                (executing = (await pair.Tables.FiredTriggersAsync()).SingleOrDefault(t => t.TriggerName == CommitmentDeadline.Trigger && t.State == "EXECUTING")) is not null
                && await pair.Tables.SweepWaitsForItsTurnAsync(),
                TimeSpan.FromSeconds(60), "the deadline's sweep waits for its turn");
            var sweeping = pair.ByQuartzId(executing!.InstanceName);

            await sweeping.Service.KillAsync();

            // The turn is given back only now: the killed instance cannot have done anything of the sweep.
            (await pair.Tables.DoneAsync()).Should().NotContain(CommitmentDeadline.Close);
        }

        var killed = pair.ByQuartzId(executing.InstanceName);
        await CommitmentDeadline.ClosedAsync(pair, "the survivor runs the killed instance's sweep again");
        await CommitmentDeadline.DoneOnceAsync(pair.Other(killed));
        await CommitmentDeadline.RecoveredAsync(pair, killed);
    }
}
