using System.Data.Common;
using System.Diagnostics;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Seeding;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.V1;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// AdvancePhase of the whole college over gRPC against the real host, one phase after another, against a
/// plain SQL UPDATE of the same rows on a copy of the same database. The year is seeded once (roster and
/// OpenYear through gRPC); every run, ours and the baseline's, starts from a fresh copy of that file, so
/// each call moves exactly the same cycles. One branch is advanced first in every phase, untimed (in the
/// baseline too), so the timed call is not the process's first use of the code paths. With --postgres the year is
/// seeded into a database on the server and every run's copy is <c>CREATE DATABASE … TEMPLATE</c> of it, made
/// after the seeding host has disconnected.
/// </summary>
internal sealed class AdvancePhaseScenario(BenchOptions options, RepoPaths repo, Workspace workspace, PostgresServer? server)
{
    /// <summary>
    /// Next year in Shanghai: OpenYear places the cycles where today falls in the default calendar and closes, without
    /// penalty, the phases whose deadline has passed, so only a year whose every deadline is still ahead starts all its
    /// cycles in the commitment phase (on 2026-12-01, OpenYear(2026) started them in the second half and the run failed).
    /// </summary>
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year + 1;
    private const int PerBranch = 200;
    private const double TargetRatio = 10;

    private TimeSpan _hostsCpu;

    private static readonly Phase[] Phases =
    [
        new("close commitment (NO_COMMITMENT recorded for each)", CycleState.SelfReport, CycleSubState.FirstHalf, "Commitment", "FirstHalf", RecordsFacts: true),
        new("close the first half year", CycleState.SelfReport, CycleSubState.SecondHalf, "FirstHalf", "SecondHalf"),
        new("close self-report", CycleState.MassReview, CycleSubState.Unspecified, "SecondHalf", "MassReview"),
        new("close mass review (publicity starts)", CycleState.Publicity, CycleSubState.Unspecified, "MassReview", "Publicity"),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var moved = options.AdvanceMembers;
        Report.Heading($"advance-phase: AdvancePhase of the whole college over gRPC, {Report.Count(moved)} cycles moved per call, {Phases.Length} phases, " +
                       $"{options.AdvanceRuns} run(s) on fresh copies, vs a plain SQL UPDATE of the same rows " +
                       (server is null ? "(SQLite, WAL, synchronous = FULL)" : "(PostgreSQL, copies made with CREATE DATABASE … TEMPLATE)"));
        await ChildHost.EnsureBuiltAsync(repo, options.BuildHost, cancellationToken);
        var roster = Roster.Generate(moved + PerBranch, PerBranch, seed: 400);
        var warmBranch = roster.Branches[0].Code;
        var seeded = await SeedAsync(roster, cancellationToken);

        var ours = Phases.Select(_ => new List<double>()).ToArray();
        var oursCpu = Phases.Select(_ => new List<double>()).ToArray();
        var baseline = Phases.Select(_ => new List<double>()).ToArray();
        var withFacts = Phases.Select(_ => new List<double>()).ToArray();
        var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + _hostsCpu);
        for (var run = 0; run < options.AdvanceRuns; run++)
        {
            await OursAsync(seeded, $"advance-ours-{run + 1}", warmBranch, moved, ours, oursCpu, cancellationToken);
            await BaselineAsync(seeded, $"advance-sql-{run + 1}", warmBranch, moved, baseline, withFacts, cancellationToken);
        }

        var rows = new List<IReadOnlyList<string>>();
        var ratios = new List<double>();
        for (var i = 0; i < Phases.Length; i++)
        {
            var oursMedian = new Stats(ours[i]).Median;
            var sqlMedian = new Stats(baseline[i]).Median;
            ratios.Add(oursMedian / sqlMedian);
            rows.Add([Phases[i].Name, Report.Ms(oursMedian), Report.Ms(new Stats(ours[i]).Max), Report.Ms(new Stats(oursCpu[i]).Median), Report.Ms(sqlMedian), Report.Ratio(ratios[^1])]);
        }

        Report.Table(["phase (median of runs)", "ours ms", "ours max ms", "host CPU ms", "UPDATE ms", "ratio"], rows);
        var factPhase = Array.FindIndex(Phases, p => p.RecordsFacts);
        var factRatio = new Stats(ours[factPhase]).Median / new Stats(withFacts[factPhase]).Median;
        Report.Line($"{Phases[factPhase].Name}: the same UPDATE plus the same {Report.Count(moved)} NO_COMMITMENT rows inserted with the service's own statement, " +
                    $"one transaction: {Report.Ms(new Stats(withFacts[factPhase]).Median)} ms; ours/that = {Report.Ratio(factRatio)}");
        var worst = ratios.Max();
        Report.Line($"ratio ours/UPDATE: {string.Join(", ", ratios.Select(Report.Ratio))}; worst {Report.Ratio(worst)} (target ≤ {TargetRatio:F0}x: {(worst <= TargetRatio ? "met" : "MISSED")})");
        Report.Line($"noise: {load.Describe()}");
        Report.Result("advance-phase",
            $"provider={(server is null ? "sqlite" : "postgresql")} cycles={moved} runs={options.AdvanceRuns} " +
            string.Join(" ", Phases.Select((p, i) => $"{p.To}={Report.Ms(new Stats(ours[i]).Median)}ms/{Report.Ms(new Stats(baseline[i]).Median)}ms={Report.Ratio(ratios[i])}")) +
            $" {Phases[factPhase].To}_vs_update_and_fact_inserts={Report.Ratio(factRatio)}" +
            $" worst={Report.Ratio(worst)} others_cpu={Report.Percent(load.OthersPercent() ?? 0)}");
    }

    private async Task<Seeded> SeedAsync(Roster roster, CancellationToken cancellationToken)
    {
        var seeding = Stopwatch.StartNew();
        var directory = workspace.NewDirectory("advance-seed");
        var database = server is null ? null : await server.CreateAsync("advance-seed", null, cancellationToken);
        await using (var host = await ChildHost.StartAsync(repo, directory, cancellationToken, database))
        {
            using var channel = host.NewChannel();
            await GrpcSeeding.SeedRosterAsync(channel, roster, cancellationToken);
            var workflow = new WorkflowService.WorkflowServiceClient(channel);
            await workflow.OpenYearAsync(new OpenYearRequest { Year = Year, Actor = "bench" }, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
        }

        Report.Line($"seeded over gRPC in {Report.Seconds(seeding.Elapsed.TotalSeconds)} s: {roster.Branches.Count} branches, {Report.Count(roster.Members.Count)} members, OpenYear({Year})");
        return new Seeded(directory, database);
    }

    /// <summary>
    /// A fresh copy of the seeded year: on SQLite a new directory with a copy of the file (the seeding host has stopped, so
    /// its WAL is checkpointed into the one file), on PostgreSQL a new directory and a database copied from the seeded one.
    /// </summary>
    private async Task<(string Directory, ServiceDatabase Database)> CopyAsync(Seeded seeded, string name, CancellationToken cancellationToken)
    {
        var directory = workspace.NewDirectory(name);
        if (seeded.Database is not null)
        {
            return (directory, await server!.CreateAsync(name, seeded.Database, cancellationToken));
        }

        foreach (var file in Directory.GetFiles(seeded.Directory, "chuangji.db*"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return (directory, ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "chuangji.db"), Pooling = false }.ToString()));
    }

    private async Task OursAsync(Seeded seeded, string name, string warmBranch, int moved, List<double>[] times, List<double>[] cpu, CancellationToken cancellationToken)
    {
        var (directory, database) = await CopyAsync(seeded, name, cancellationToken);
        await using var host = await ChildHost.StartAsync(repo, directory, cancellationToken, database.IsPostgreSql ? database : null);
        using var channel = host.NewChannel();
        var workflow = new WorkflowService.WorkflowServiceClient(channel);
        for (var i = 0; i < Phases.Length; i++)
        {
            var phase = Phases[i];
            await AdvanceAsync(workflow, phase, warmBranch, PerBranch, cancellationToken);
            var before = host.ProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await AdvanceAsync(workflow, phase, string.Empty, moved, cancellationToken);
            times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu[i].Add((host.ProcessorTime - before).TotalMilliseconds);
        }

        _hostsCpu += host.ProcessorTime;
    }

    private static async Task AdvanceAsync(WorkflowService.WorkflowServiceClient workflow, Phase phase, string branch, int expected, CancellationToken cancellationToken)
    {
        var reply = await workflow.AdvancePhaseAsync(
            new AdvancePhaseRequest { Year = Year, BranchCode = branch, TargetState = phase.State, TargetSubState = phase.SubState, Actor = "bench" },
            deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
        if (reply.MovedCount != expected)
        {
            var reason = reply.Results.FirstOrDefault(r => !r.Moved && r.Reason.Length > 0)?.Reason ?? "(none given)";
            throw new InvalidOperationException($"AdvancePhase to {phase.To} ({(branch.Length > 0 ? branch : "college")}) moved {reply.MovedCount}, expected {expected}; first reason: {reason}");
        }
    }

    private async Task BaselineAsync(
        Seeded seeded, string name, string warmBranch, int moved, List<double>[] times, List<double>[] withFacts, CancellationToken cancellationToken)
    {
        List<(long Id, string StaffNumber)> members;
        await using (var copy = await OpenCopyAsync(seeded, name, cancellationToken))
        {
            members = await MemberIdsAsync(copy, warmBranch, cancellationToken);
            for (var i = 0; i < Phases.Length; i++)
            {
                var phase = Phases[i];
                await UpdateAsync(copy, phase, warmBranch, PerBranch, [], cancellationToken);
                var start = Stopwatch.GetTimestamp();
                await UpdateAsync(copy, phase, null, moved, [], cancellationToken);
                times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        // Once more on a fresh copy of the same rows: the commitment close with its facts, as the service must write them.
        await using var rerun = await OpenCopyAsync(seeded, $"{name}-again", cancellationToken);
        var factPhase = Array.FindIndex(Phases, p => p.RecordsFacts);
        await UpdateAsync(rerun, Phases[factPhase], warmBranch, PerBranch, [], cancellationToken);
        var timed = Stopwatch.GetTimestamp();
        await UpdateAsync(rerun, Phases[factPhase], null, moved, members, cancellationToken);
        withFacts[factPhase].Add(Stopwatch.GetElapsedTime(timed).TotalMilliseconds);
    }

    /// <summary>A fresh copy of the seeded year and one connection to it (on SQLite unpooled, WAL, synchronous = FULL, as the service commits).</summary>
    private async Task<Baseline> OpenCopyAsync(Seeded seeded, string name, CancellationToken cancellationToken)
    {
        var (_, database) = await CopyAsync(seeded, name, cancellationToken);
        DbConnection connection = database.IsPostgreSql ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!database.IsPostgreSql)
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
        }

        return new Baseline(connection, database);
    }

    private static async Task<List<(long Id, string StaffNumber)>> MemberIdsAsync(Baseline copy, string warmBranch, CancellationToken cancellationToken)
    {
        await using var select = copy.Connection.CreateCommand();
        select.CommandText = $"SELECT \"Id\", \"StaffNumber\" FROM {copy.Database.Table(MembersDbContext.Schema, "members_members")} WHERE \"BranchCode\" <> @warm ORDER BY \"StaffNumber\"";
        select.With("@warm", warmBranch);
        var members = new List<(long, string)>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return members;
    }

    /// <summary>The same rows moved to the same state, one statement, one transaction: the least any implementation must do.</summary>
    private static async Task UpdateAsync(
        Baseline copy, Phase phase, string? branch, int expected, IReadOnlyList<(long Id, string StaffNumber)> facts, CancellationToken cancellationToken)
    {
        var connection = copy.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {copy.Database.Table(WorkflowDbContext.Schema, WorkflowDbContext.CyclesTable)} " +
                             "SET \"Status\" = @to, \"Version\" = \"Version\" + 1 WHERE \"Year\" = @year AND \"Status\" = @from" +
                             (branch is null ? string.Empty : " AND \"BranchCode\" = @branch");
        update.With("@to", phase.To).With("@from", phase.From).With("@year", Year);
        if (branch is not null)
        {
            update.With("@branch", branch);
        }

        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        if (facts.Count > 0)
        {
            using var inserter = new FactInserter(connection, copy.Database);
            var on = new DateOnly(Year, 3, 31);
            foreach (var (id, staffNumber) in facts)
            {
                var fact = new PlannedFact(0, staffNumber, "NO_COMMITMENT", on, 1, null, "未进行承诺", "bench", DateTime.UtcNow.Ticks, Guid.Empty);
                inserter.Insert(transaction, fact, id, $"workflow/no-commitment/{Year}/{staffNumber}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (changed != expected)
        {
            throw new InvalidOperationException($"UPDATE to {phase.To} changed {changed} rows, expected {expected}");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The seeded year: the seeding host's data directory (with its SQLite file), and on PostgreSQL its database.</summary>
    private sealed record Seeded(string Directory, ServiceDatabase? Database);

    /// <summary>The baseline's copy of the seeded year and its one connection.</summary>
    private sealed record Baseline(DbConnection Connection, ServiceDatabase Database) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed record Phase(string Name, CycleState State, CycleSubState SubState, string From, string To, bool RecordsFacts = false);
}
