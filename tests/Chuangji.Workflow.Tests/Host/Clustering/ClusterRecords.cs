using System.Data.Common;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Tests.Infrastructure;
using Npgsql;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>What the shared PostgreSQL database says about the cluster: Quartz's instances and fired triggers, the run ledger, the sweep's turn.</summary>
internal sealed class ClusterRecords(TestDatabase database)
{
    /// <summary>A trigger fired or acquired by an instance: <c>ACQUIRED</c> (held until its moment) or <c>EXECUTING</c>.</summary>
    public sealed record FiredTrigger(string TriggerName, string InstanceName, string State, bool RequestsRecovery);

    /// <summary>The instances checked in to the cluster, by Quartz instance id.</summary>
    public async Task<IReadOnlySet<string>> SchedulerInstancesAsync() =>
        (await QueryAsync("SELECT instance_name FROM quartz.qrtz_scheduler_state", r => r.GetString(0))).ToHashSet();

    public Task<IReadOnlyList<FiredTrigger>> FiredTriggersAsync() =>
        QueryAsync("SELECT trigger_name, instance_name, state, requests_recovery FROM quartz.qrtz_fired_triggers",
            r => new FiredTrigger(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));

    /// <summary>The keys of the scheduled events done, from the run ledger.</summary>
    public async Task<IReadOnlySet<string>> DoneAsync() =>
        (await QueryAsync("SELECT \"Key\" FROM workflow.workflow_schedule_runs", r => r.GetString(0))).ToHashSet();

    /// <summary>Whether a sweep waits for the database-wide turn (the advisory lock <see cref="DueWorkRunner"/> takes).</summary>
    public async Task<bool> SweepWaitsForItsTurnAsync() =>
        (await QueryAsync(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            $"AND classid = {DueWorkRunner.OneInstanceAtATime >> 32} AND objid = {DueWorkRunner.OneInstanceAtATime & 0xFFFF_FFFF}",
            r => r.GetInt64(0)))[0] > 0;

    /// <summary>
    /// Takes the sweep's turn on a session of the test's own and holds it until disposed: every instance's sweep waits
    /// for it meanwhile, as it would behind a long sweep of another instance.
    /// </summary>
    public async Task<DbConnection> HoldTheSweepsTurnAsync()
    {
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await session.OpenAsync();
        await using var take = session.CreateCommand();
        take.CommandText = "SELECT pg_advisory_lock(@key)";
        take.Parameters.AddWithValue("key", DueWorkRunner.OneInstanceAtATime);
        await take.ExecuteNonQueryAsync();
        return session;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
