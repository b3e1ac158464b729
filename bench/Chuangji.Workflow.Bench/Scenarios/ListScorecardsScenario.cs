using System.Diagnostics;
using System.Globalization;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Seeding;
using Chuangji.Workflow.Modules.Assessment.Features.ListScorecards;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RankedScorecard = Chuangji.Assessment.V1.RankedScorecard;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// ListScorecards of one branch over gRPC against the real host, call after call, against two floors
/// measured in the same loop: the branch's facts read straight from the host's SQLite file (the least
/// any implementation must read), and a grpc.health.v1 Check (the transport's round trip). To show where
/// the time goes, the same loop also runs the handler in process on the host's file (WAL lets both
/// read it), then maps its page to protobuf and serializes it as the gRPC service would.
/// </summary>
internal sealed class ListScorecardsScenario(BenchOptions options, RepoPaths repo, Workspace workspace)
{
    private const int PageSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Report.Heading($"list-scorecards: a branch of {options.BranchMembers} members × {options.BranchFactsPerMember} facts, " +
                       $"{options.Warmup} warm-up + {options.Calls} sequential calls (real host over gRPC)");
        await ChildHost.EnsureBuiltAsync(repo, options.BuildHost, cancellationToken);
        await using var host = await ChildHost.StartAsync(repo, workspace.NewDirectory("list-scorecards"), cancellationToken);
        using var channel = host.NewChannel();

        var seeding = Stopwatch.StartNew();
        var roster = Roster.Generate(options.BranchMembers, options.BranchMembers, seed: 200);
        await GrpcSeeding.SeedRosterAsync(channel, roster, cancellationToken);
        var facts = new FactMix(seed: 60).Plan(roster.Members, options.BranchFactsPerMember);
        await GrpcSeeding.RecordAsync(channel, facts, "seed", cancellationToken);
        Report.Line($"seeded over gRPC in {Report.Seconds(seeding.Elapsed.TotalSeconds)} s: CreateBranch, ImportMembers ({roster.Members.Count}), " +
                    $"RecordEvents ({Report.Count(facts.Length)} facts in calls of 1,000, dates up to {facts.Max(f => f.OccurredOn):yyyy-MM-dd})");

        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var health = new Health.HealthClient(channel);
        var request = new ListScorecardsRequest { BranchCode = roster.Branches[0].Code, Year = FactMix.Year, PageSize = PageSize };
        await using var ledger = await BranchLedger.OpenAsync(host.DatabaseFile, roster.Members.Select(m => m.StaffNumber).ToList(), cancellationToken);
        await using var platform = InProcessPlatform.Attach(host.DatabaseFile, repo);

        var page = await assessment.ListScorecardsAsync(request, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
        var expected = Math.Min(PageSize, roster.Members.Count);
        if (page.Scorecards.Count != expected || page.TotalSize != roster.Members.Count)
        {
            throw new InvalidOperationException($"ListScorecards returned {page.Scorecards.Count} scorecards of {page.TotalSize}; expected {expected} of {roster.Members.Count}");
        }

        var factRows = await ledger.ReadAsync(cancellationToken);
        Report.Line($"one page: {page.Scorecards.Count} scorecards, {Report.Count(page.CalculateSize())} bytes of protobuf; the SQL floor reads {Report.Count(factRows)} fact rows");

        var ours = new List<double>();
        var sql = new List<double>();
        var ping = new List<double>();
        var handler = new List<double>();
        var mapping = new List<double>();
        var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + host.ProcessorTime);
        var hostCpu = TimeSpan.Zero;
        for (var call = 0; call < options.Warmup + options.Calls; call++)
        {
            var measured = call >= options.Warmup;
            var cpu = host.ProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await assessment.ListScorecardsAsync(request, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
            Keep(measured, ours, start);
            hostCpu += measured ? host.ProcessorTime - cpu : TimeSpan.Zero;

            start = Stopwatch.GetTimestamp();
            await ledger.ReadAsync(cancellationToken);
            Keep(measured, sql, start);

            start = Stopwatch.GetTimestamp();
            await health.CheckAsync(new HealthCheckRequest(), deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
            Keep(measured, ping, start);

            start = Stopwatch.GetTimestamp();
            await using var scope = platform.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListScorecardsHandler>()
                .HandleAsync(request.BranchCode, request.Year, null, request.PageSize, string.Empty, cancellationToken);
            Keep(measured, handler, start);

            start = Stopwatch.GetTimestamp();
            var response = new ListScorecardsResponse { NextPageToken = result.NextPageToken, TotalSize = result.TotalSize };
            response.Scorecards.AddRange(result.Scorecards.Select(r => new RankedScorecard { Rank = r.Rank, Scorecard = r.Entry.ToProto() }));
            GC.KeepAlive(response.ToByteArray());
            Keep(measured, mapping, start);
        }

        var noise = load.OthersPercent();
        var oursStats = new Stats(ours);
        var sqlStats = new Stats(sql);
        var pingStats = new Stats(ping);
        Report.Table(
            ["latency, ms", "min", "median", "p90", "p99", "max"],
            [
                Row($"ours: ListScorecards (page_size {PageSize}), gRPC", oursStats),
                Row("floor: the branch's facts read straight from SQLite", sqlStats),
                Row("floor: grpc.health.v1 Check, same channel", pingStats),
                Row("diagnostic: ListScorecardsHandler in process (no gRPC)", new Stats(handler)),
                Row("diagnostic: its page mapped to protobuf and serialized", new Stats(mapping)),
            ]);
        var ratio = oursStats.Median / sqlStats.Median;
        Report.Line($"ratio ours/SQL floor (medians): {Report.Ratio(ratio)}; ours minus both floors: {Report.Ms(oursStats.Median - sqlStats.Median - pingStats.Median)} ms at the median");
        Report.Line($"host CPU per ListScorecards call: {Report.Ms(hostCpu.TotalMilliseconds / options.Calls)} ms (user + kernel, all threads)");
        Report.Line($"noise: {load.Describe()}");
        Report.Result("list-scorecards",
            $"members={roster.Members.Count} facts={facts.Length} calls={options.Calls} min={Report.Ms(oursStats.Min)}ms median={Report.Ms(oursStats.Median)}ms " +
            $"p90={Report.Ms(oursStats.Percentile(90))}ms p99={Report.Ms(oursStats.Percentile(99))}ms max={Report.Ms(oursStats.Max)}ms " +
            $"sql_floor_median={Report.Ms(sqlStats.Median)}ms grpc_floor_median={Report.Ms(pingStats.Median)}ms ratio={Report.Ratio(ratio)} " +
            $"host_cpu_per_call={Report.Ms(hostCpu.TotalMilliseconds / options.Calls)}ms others_cpu={Report.Percent(noise ?? 0)}");
    }

    private static void Keep(bool measured, List<double> sample, long start)
    {
        if (measured)
        {
            sample.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    private static IReadOnlyList<string> Row(string label, Stats stats) =>
        [label, Report.Ms(stats.Min), Report.Ms(stats.Median), Report.Ms(stats.Percentile(90)), Report.Ms(stats.Percentile(99)), Report.Ms(stats.Max)];

    /// <summary>The branch's facts of the year, every column scoring needs, read from the host's file (read-only, WAL lets it share).</summary>
    private sealed class BranchLedger : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _select;

        private BranchLedger(SqliteConnection connection, SqliteCommand select)
        {
            _connection = connection;
            _select = select;
        }

        public static async Task<BranchLedger> OpenAsync(string databaseFile, IReadOnlyList<string> staffNumbers, CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync(cancellationToken);
            var select = connection.CreateCommand();
            var names = staffNumbers.Select((_, i) => "$s" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            select.CommandText = "SELECT MemberId, Id, Kind, OccurredOn, Count, PointsTenths, RecordedAtUtcTicks, RevokedAtUtcTicks " +
                                 $"FROM assessment_facts WHERE Year = {FactMix.Year} AND StaffNumber IN ({string.Join(", ", names)})";
            for (var i = 0; i < names.Count; i++)
            {
                select.Parameters.AddWithValue(names[i], staffNumbers[i]);
            }

            return new BranchLedger(connection, select);
        }

        public async Task<int> ReadAsync(CancellationToken cancellationToken)
        {
            await using var reader = await _select.ExecuteReaderAsync(cancellationToken);
            var rows = 0;
            var checksum = 0L;
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                checksum += reader.GetInt64(0) + reader.GetInt64(1) + reader.GetString(2).Length + reader.GetString(3).Length + reader.GetInt32(4)
                            + (reader.IsDBNull(5) ? 0 : reader.GetInt64(5)) + reader.GetInt64(6) + (reader.IsDBNull(7) ? 0 : reader.GetInt64(7));
            }

            GC.KeepAlive(checksum);
            return rows;
        }

        public async ValueTask DisposeAsync()
        {
            await _select.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
