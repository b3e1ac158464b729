using System.Diagnostics;
using System.Reflection;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Seeding;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// A college-wide recompute in process: <see cref="SummarizeYearHandler.HandleAsync"/> over every active member
/// against a plain GROUP BY that reads every (member, kind) total of the year, alternating, median of three; on a
/// SQLite file of its own or (--postgres) a PostgreSQL database made for the run, the baseline on the same database.
/// </summary>
internal sealed class RecomputeScenario(BenchOptions options, RepoPaths repo, Workspace workspace, PostgresServer? server)
{
    private const int Runs = 3;
    private const int MembersPerBranch = 200;
    private const int ImportChunk = 10_000;
    private const double TargetRatio = 2;

    private static readonly DateTimeOffset AsOf = new(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var onServer = server is not null;
        Report.Heading($"recompute: {Report.Count(options.Members)} members × {options.FactsPerMember} facts, SummarizeYearHandler vs a plain GROUP BY (in process, " +
                       $"{(onServer ? "PostgreSQL" : "SQLite")})");
        var directory = workspace.NewDirectory("recompute");
        var database = server is null
            ? ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "chuangji.db") }.ToString())
            : await server.CreateAsync("recompute", null, cancellationToken);
        await using var platform = await InProcessPlatform.StartAsync(database, repo, cancellationToken);
        var seedingPeakReset = MemorySampler.TryResetPeakWorkingSet();
        Seeding seeding;
        MemoryPeaks seedingPeaks;
        using (var sampler = MemorySampler.Start())
        {
            seeding = await SeedAsync(platform, cancellationToken);
            seedingPeaks = sampler.Stop();
        }

        Report.Table(
            ["seeding", "seconds", "rows", "rows/s"],
            [
                ["branches + ImportMembersAsync (chunks of 10,000)", Report.Seconds(seeding.Members.TotalSeconds), Report.Count(options.Members), Report.Count(options.Members / seeding.Members.TotalSeconds)],
                [onServer ? "facts: COPY (binary), streamed in registration order" : "facts: raw INSERT, one transaction, streamed in registration order",
                    Report.Seconds(seeding.Facts.TotalSeconds), Report.Count(seeding.FactCount), Report.Count(seeding.FactCount / seeding.Facts.TotalSeconds)],
                [onServer ? "VACUUM ANALYZE of the ledger" : "WAL checkpoint (TRUNCATE)", Report.Seconds(seeding.Checkpoint.TotalSeconds), "", ""],
                ["total", Report.Seconds((seeding.Members + seeding.Facts + seeding.Checkpoint).TotalSeconds), "", ""],
            ]);
        Report.Line($"harness while seeding: max managed heap {Report.Mb(seedingPeaks.ManagedHeap)} MB, max working set {Report.Mb(seedingPeaks.WorkingSet)} MB (sampled every ~10 ms), " +
                    $"PeakWorkingSet64 {Report.Mb(MemorySampler.PeakWorkingSet())} MB ({(seedingPeakReset ? "peak reset before seeding" : "process lifetime")})");
        Report.Line(onServer
            ? $"database: {Report.Mb(await DatabaseSizeAsync(platform, cancellationToken))} MB (pg_database_size)"
            : $"database file: {Report.Mb(new FileInfo(Path.Combine(directory, "chuangji.db")).Length)} MB");
        var baselineQuery = BaselineQuery(platform.Database);

        var scoringQuery = SummarizeYearQuery(platform);
        await PrintQueryPlanAsync(platform, "baseline", baselineQuery, cancellationToken);
        if (scoringQuery is not null)
        {
            await PrintQueryPlanAsync(platform, "SummarizeYearHandler", scoringQuery, cancellationToken);
        }

        var baseline = new List<double>();
        var queryOnly = new List<double>();
        var ours = new List<OursRun>();
        var load = MachineLoad.Start(CpuTime.OfThisProcess);
        for (var run = 1; run <= Runs; run++)
        {
            baseline.Add(await BaselineAsync(platform, baselineQuery, cancellationToken));
            if (scoringQuery is not null)
            {
                queryOnly.Add(await QueryOnlyAsync(platform, scoringQuery, cancellationToken));
            }

            ours.Add(await OursAsync(platform, cancellationToken));
        }

        var noise = load.OthersPercent();
        PrintRuns(baseline, queryOnly, ours);
        Report.Line($"noise: {load.Describe()}");
        var baselineMs = new Stats(baseline).Median;
        var oursMs = new Stats(ours.Select(o => o.Milliseconds)).Median;
        var ratio = oursMs / baselineMs;
        var last = ours[^1];
        Report.Line($"ratio ours/baseline (medians): {Report.Ratio(ratio)}  (target ≤ {TargetRatio:F0}x: {(ratio <= TargetRatio ? "met" : "MISSED")})");
        Report.Line($"during SummarizeYearHandler: max managed heap {Report.Mb(ours.Max(o => o.Peaks.ManagedHeap))} MB, max working set {Report.Mb(ours.Max(o => o.Peaks.WorkingSet))} MB " +
                    $"(sampled every ~10 ms, {last.Peaks.Samples} samples in the last run), " +
                    $"PeakWorkingSet64 {Report.Mb(ours.Max(o => o.PeakWorkingSet))} MB ({(last.PeakReset ? "peak reset before each run" : "process lifetime: the peak could not be reset")}), " +
                    $"allocated {Report.Mb((long)new Stats(ours.Select(o => (double)o.Allocated)).Median)} MB per run, " +
                    $"GCs per run gen0/1/2 {last.Collections}");
        PrintSummary(last.Summary);
        Report.Result("recompute",
            $"provider={(onServer ? "postgresql" : "sqlite")} members={options.Members} facts={seeding.FactCount} baseline={Report.Ms(baselineMs)}ms ours={Report.Ms(oursMs)}ms ratio={Report.Ratio(ratio)} " +
            $"peak_heap={Report.Mb(ours.Max(o => o.Peaks.ManagedHeap))}MB peak_ws={Report.Mb(ours.Max(o => o.PeakWorkingSet))}MB " +
            $"allocated={Report.Mb((long)new Stats(ours.Select(o => (double)o.Allocated)).Median)}MB seed={Report.Seconds((seeding.Members + seeding.Facts + seeding.Checkpoint).TotalSeconds)}s " +
            $"others_cpu={Report.Percent(noise ?? 0)}");
    }

    private async Task<Seeding> SeedAsync(InProcessPlatform platform, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var roster = Roster.Generate(options.Members, MembersPerBranch, seed: 2026);
        await ImportRosterAsync(platform, roster, cancellationToken);
        var members = clock.Elapsed;

        clock.Restart();
        var memberIds = await MemberIdsAsync(platform, roster, cancellationToken);
        // Streamed round by round, never planned whole: 30 M facts would take gigabytes held at once.
        var facts = new FactMix(seed: 30).InRegistrationOrder(roster.Members, options.FactsPerMember);
        if (platform.Database.IsPostgreSql)
        {
            var count = await FactCopier.CopyAsync(platform.Database, facts, memberIds, "seed", cancellationToken);
            var copied = clock.Elapsed;
            clock.Restart();
            // What autovacuum would have done by the time a college recomputes: statistics, and the visibility map.
            await platform.ExecuteAsync($"VACUUM (ANALYZE) {new FactSql(platform.Database).Facts}", cancellationToken);
            return new Seeding(members, copied, clock.Elapsed, count);
        }

        var inserted = 0L;
        var builder = new SqliteConnectionStringBuilder(platform.Database.ConnectionString) { Pooling = false };
        await using (var connection = new SqliteConnection(builder.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using (var cache = connection.CreateCommand())
            {
                // A large page cache for this one connection only (it is not pooled): the ledger's indexes stay in memory while seeding.
                cache.CommandText = "PRAGMA cache_size = -1048576;";
                await cache.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var inserter = new FactInserter(connection, platform.Database);
            foreach (var fact in facts)
            {
                if (++inserted % 100_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                inserter.Insert(transaction, fact, memberIds[fact.Member], fact.RequestKey("seed"));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var factsTime = clock.Elapsed;
        clock.Restart();
        await platform.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        return new Seeding(members, factsTime, clock.Elapsed, inserted);
    }

    private static async Task ImportRosterAsync(InProcessPlatform platform, Roster roster, CancellationToken cancellationToken)
    {
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var module = scope.ServiceProvider.GetRequiredService<IMembersModule>();
            foreach (var branch in roster.Branches)
            {
                await module.EnsureBranchAsync(branch.ToRecord(), cancellationToken);
            }
        }

        foreach (var chunk in roster.Members.Chunk(ImportChunk))
        {
            await using var scope = platform.Services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<IMembersModule>()
                .ImportMembersAsync(chunk.Select(m => m.ToRecord()).ToList(), cancellationToken);
            if (summary.Created != chunk.Length)
            {
                throw new InvalidOperationException($"ImportMembersAsync created {summary.Created} of {chunk.Length}: {string.Join("; ", summary.Rejections.Take(3))}");
            }
        }
    }

    private static async Task<long[]> MemberIdsAsync(InProcessPlatform platform, Roster roster, CancellationToken cancellationToken)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var stored = (await scope.ServiceProvider.GetRequiredService<IMembersModule>().ListMembersAsync(null, false, cancellationToken))
            .ToDictionary(m => m.StaffNumber, m => m.MemberId, StringComparer.Ordinal);
        return roster.Members.Select(m => stored[m.StaffNumber]).ToArray();
    }

    /// <summary>Every (member, kind) total of the year, in the provider's names of the table and its columns.</summary>
    private static string BaselineQuery(ServiceDatabase database) =>
        "SELECT \"MemberId\", \"Kind\", COUNT(*), SUM(\"Count\"), SUM(\"PointsTenths\") " +
        $"FROM {database.Table(AssessmentDbContext.Schema, AssessmentDbContext.FactsTable)} WHERE \"Year\" = 2026 GROUP BY \"MemberId\", \"Kind\"";

    private static async Task<long> DatabaseSizeAsync(InProcessPlatform platform, CancellationToken cancellationToken)
    {
        await using var connection = await platform.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double> BaselineAsync(InProcessPlatform platform, string query, CancellationToken cancellationToken)
    {
        Settle();
        var start = Stopwatch.GetTimestamp();
        await using var connection = await platform.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checksum = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            // On PostgreSQL SUM of a bigint is a numeric; Npgsql reads it as a long all the same.
            checksum += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetInt64(2) + reader.GetInt64(3) + (reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
        }

        GC.KeepAlive(checksum);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Where the time goes: SummarizeYearHandler's own query, every column read, nothing built or scored.</summary>
    private static async Task<double> QueryOnlyAsync(InProcessPlatform platform, string query, CancellationToken cancellationToken)
    {
        Settle();
        var start = Stopwatch.GetTimestamp();
        await using var connection = await platform.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.CommandTimeout = 0;
        command.With("@year", 2026);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checksum = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var type = reader.GetFieldType(column);
                checksum += reader.IsDBNull(column) ? 0
                    : type == typeof(string) ? reader.GetString(column).Length
                    : type == typeof(DateTime) || type == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(column).DayNumber
                    : reader.GetInt64(column);
            }
        }

        GC.KeepAlive(checksum);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<OursRun> OursAsync(InProcessPlatform platform, CancellationToken cancellationToken)
    {
        Settle();
        var peakReset = MemorySampler.TryResetPeakWorkingSet();
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = MemorySampler.Start();
        var start = Stopwatch.GetTimestamp();
        YearSummary summary;
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<SummarizeYearHandler>().HandleAsync(2026, AsOf, cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var peaks = sampler.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gcs = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]));
        return new OursRun(elapsed, summary, peaks, MemorySampler.PeakWorkingSet(), peakReset, allocated, gcs);
    }

    /// <summary>Every run starts from a collected heap, so no run pays for the garbage of the one before.</summary>
    private static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// The query SummarizeYearHandler's scoring runs (YearFactsByMember's, for this provider), read from its private
    /// field; null if it is no longer there.
    /// </summary>
    private static string? SummarizeYearQuery(InProcessPlatform platform)
    {
        using var scope = platform.Services.CreateScope();
        var reader = scope.ServiceProvider.GetService<YearFactsByMember>();
        return reader is null
            ? null
            : typeof(YearFactsByMember).GetField("_factsInMemberOrder", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(reader) as string;
    }

    private static async Task PrintQueryPlanAsync(InProcessPlatform platform, string label, string query, CancellationToken cancellationToken)
    {
        await using var connection = await platform.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var onServer = platform.Database.IsPostgreSql;
        command.CommandText = (onServer ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query;
        command.With("@year", 2026);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(onServer ? reader.GetString(0).Trim() : reader.GetString(3));
        }

        Report.Line($"query plan, {label}: {string.Join(" | ", steps)}");
    }

    private static void PrintRuns(List<double> baseline, List<double> queryOnly, List<OursRun> ours)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Row("(a) baseline: GROUP BY MemberId, Kind, every row read", baseline),
        };
        if (queryOnly.Count > 0)
        {
            rows.Add(Row("    SummarizeYearHandler's query alone, columns read, no scoring", queryOnly));
        }

        rows.Add(Row("(b) ours: SummarizeYearHandler.HandleAsync", ours.Select(o => o.Milliseconds).ToList()));
        rows.Add(["    ours: allocated MB", .. ours.Select(o => Report.Mb(o.Allocated)), Report.Mb((long)new Stats(ours.Select(o => (double)o.Allocated)).Median)]);
        rows.Add(["    ours: max managed heap MB", .. ours.Select(o => Report.Mb(o.Peaks.ManagedHeap)), Report.Mb((long)new Stats(ours.Select(o => (double)o.Peaks.ManagedHeap)).Median)]);
        Report.Table(["ms per run", .. Enumerable.Range(1, ours.Count).Select(r => $"run {r}"), "median"], rows);

        static IReadOnlyList<string> Row(string label, IReadOnlyList<double> values) =>
            [label, .. values.Select(Report.Ms), Report.Ms(new Stats(values).Median)];
    }

    private static void PrintSummary(YearSummary summary)
    {
        Report.Line($"summary (sanity): {Report.Count(summary.Members)} members scored, {summary.Vetoed} vetoed, average total {summary.AverageTotal}, rubric v{summary.RubricVersion}");
        Report.Table(["rating", "members", "name"], summary.Ratings.Select(r => (IReadOnlyList<string>)[r.Rating, Report.Count(r.Members), r.Name]));
    }

    private sealed record Seeding(TimeSpan Members, TimeSpan Facts, TimeSpan Checkpoint, long FactCount);

    private sealed record OursRun(double Milliseconds, YearSummary Summary, MemoryPeaks Peaks, long PeakWorkingSet, bool PeakReset, long Allocated, string Collections);
}
