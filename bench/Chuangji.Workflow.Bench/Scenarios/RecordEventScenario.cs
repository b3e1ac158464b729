using System.Data.Common;
using System.Diagnostics;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Seeding;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Facts.Registration;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Members.Contracts;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// RecordEvent throughput: concurrent gRPC clients against the real host (which commits concurrent
/// requests together), against the same rows inserted straight into a fresh SQLite file on one
/// connection, one transaction each, with the service's durability (WAL, synchronous = FULL).
/// Each gRPC run gets a fresh host and data directory, and warm-up calls first: on two cores the JIT's
/// tier-1 recompilation of the hot paths takes seconds of CPU, which would otherwise count against the service.
/// A diagnostic run drives the same handler in process, without gRPC, to show where the time goes.
/// With --postgres every run, the baseline's included, gets a fresh database on the server instead of a SQLite file,
/// and one more run puts two hosts on one database with the clients spread over both.
/// </summary>
internal sealed class RecordEventScenario(BenchOptions options, RepoPaths repo, Workspace workspace, PostgresServer? server)
{
    private const int Members = 1_000;
    private const int SingleClientShare = 4;
    private const double TargetRatio = 1;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Report.Heading($"record-event: {Report.Count(options.Facts)} facts, RecordEvent over gRPC ({options.Clients} concurrent clients) " +
                       (server is null
                           ? "vs one INSERT per transaction on one connection (SQLite, WAL, synchronous = FULL)"
                           : "vs one INSERT per transaction on one connection (PostgreSQL, a fresh database with the same migrations on the same server)") +
                       $"; {Report.Count(options.RecordWarmup)} warm-up calls per run");
        await ChildHost.EnsureBuiltAsync(repo, options.BuildHost, cancellationToken);
        var roster = Roster.Generate(Members, Members, seed: 1000);
        var warmupCount = options.RecordWarmup;
        var planned = new FactMix(seed: 20).Plan(roster.Members, (options.Facts + warmupCount + Members - 1) / Members);
        var warmup = planned[..warmupCount];
        var facts = planned[warmupCount..(warmupCount + options.Facts)];
        var single = facts[..Math.Max(1, facts.Length / SingleClientShare)];

        var baseline = await BaselineAsync(warmup, facts, cancellationToken);
        var shared = await OursAsync(roster, warmup, facts, options.Clients, channelPerClient: false, instances: 1, cancellationToken);
        var perClient = await OursAsync(roster, warmup, facts, options.Clients, channelPerClient: true, instances: 1, cancellationToken);
        var twoInstances = server is null ? null : await OursAsync(roster, warmup, facts, options.Clients, channelPerClient: false, instances: 2, cancellationToken);
        var oneClient = await OursAsync(roster, warmup, single, 1, channelPerClient: false, instances: 1, cancellationToken);
        var inProcess = await InProcessAsync(roster, warmup, facts, options.Clients, cancellationToken);
        var floor = await TransportFloorAsync(warmup.Length, facts.Length, options.Clients, cancellationToken);

        var provider = server is null ? "SQLite" : "PostgreSQL";
        List<IReadOnlyList<string>> rows =
        [
            Row($"baseline: {provider}, 1 connection, 1 transaction per row", baseline, baseline),
            Row($"ours: {options.Clients} clients, one shared channel", shared, baseline),
            Row($"ours: {options.Clients} clients, a channel per client", perClient, baseline),
        ];
        if (twoInstances is not null)
        {
            rows.Add(Row($"ours: 2 hosts on one database, {options.Clients} clients over both (a channel per host)", twoInstances, baseline));
        }

        rows.Add(Row("ours: 1 client (context)", oneClient, baseline));
        rows.Add(Row($"diagnostic: FactRegistrar in process, {options.Clients} tasks, no gRPC", inProcess, baseline));
        rows.Add(Row($"floor: an unknown method (UNIMPLEMENTED), {options.Clients} clients, one shared channel", floor, baseline));
        Report.Table(["run", "facts", "seconds", "facts/s", "median ms", "p99 ms", "host CPU ms/fact", "bench CPU ms/fact", "facts/commit", "others' CPU", "vs baseline"], rows);
        var ratio = shared.PerSecond / baseline.PerSecond;
        var ratioPerClient = perClient.PerSecond / baseline.PerSecond;
        Report.Line($"ratio ours/baseline: {Report.Ratio(ratio)} with a shared channel, {Report.Ratio(ratioPerClient)} with a channel per client" +
                    (twoInstances is null ? string.Empty : $", {Report.Ratio(twoInstances.PerSecond / baseline.PerSecond)} with two hosts") +
                    $" (target ≥ {TargetRatio:F1}x: {(Math.Max(ratio, ratioPerClient) >= TargetRatio ? "met" : "MISSED")})");
        Report.Line($"the transport alone (HTTP/2 and the gRPC framework's own answer, no interceptor, handler or database) reaches {Report.Count(floor.PerSecond)} calls/s here: " +
                    $"{Report.Ratio(floor.PerSecond / baseline.PerSecond)} the baseline, with no work done");
        Report.Line($"CPU: {Environment.ProcessorCount} cores = {Environment.ProcessorCount * 1000} CPU ms per second; host + bench CPU per fact bounds ours at " +
                    $"{Report.Count(Environment.ProcessorCount * 1000 / (shared.HostCpuMsPerFact!.Value + shared.BenchCpuMsPerFact))} facts/s with a shared channel");
        Report.Result("record-event",
            $"provider={provider.ToLowerInvariant()} facts={options.Facts} clients={options.Clients} baseline={Report.Count(baseline.PerSecond)}/s " +
            $"ours_shared_channel={Report.Count(shared.PerSecond)}/s ratio={Report.Ratio(ratio)} " +
            $"ours_channel_per_client={Report.Count(perClient.PerSecond)}/s ratio={Report.Ratio(ratioPerClient)} " +
            (twoInstances is null ? string.Empty : $"ours_two_hosts={Report.Count(twoInstances.PerSecond)}/s ratio={Report.Ratio(twoInstances.PerSecond / baseline.PerSecond)} ") +
            $"ours_1_client={Report.Count(oneClient.PerSecond)}/s in_process_handler={Report.Count(inProcess.PerSecond)}/s transport_floor={Report.Count(floor.PerSecond)}/s " +
            $"others_cpu_max={Report.Percent(new[] { baseline, shared, perClient, twoInstances, oneClient, inProcess }.Max(r => r?.OthersPercent ?? 0))}");
    }

    /// <summary>A database of its own for the in-process runs: a SQLite file in the workspace, or a fresh database on the server.</summary>
    private async Task<ServiceDatabase> NewDatabaseAsync(string name, CancellationToken cancellationToken) => server is null
        ? ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(workspace.NewDirectory(name), "chuangji.db") }.ToString())
        : await server.CreateAsync(name, null, cancellationToken);

    private async Task<Throughput> BaselineAsync(PlannedFact[] warmup, PlannedFact[] facts, CancellationToken cancellationToken)
    {
        await using var platform = await InProcessPlatform.StartAsync(await NewDatabaseAsync("record-event-baseline", cancellationToken), repo, cancellationToken);
        await using var connection = await platform.OpenAsync(cancellationToken);
        if (!platform.Database.IsPostgreSql)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        using var inserter = new FactInserter(connection, platform.Database);
        void Insert(PlannedFact fact, string tag)
        {
            using var transaction = connection.BeginTransaction();
            inserter.Insert(transaction, fact, fact.Member + 1, fact.RequestKey(tag));
            transaction.Commit();
        }

        foreach (var fact in warmup)
        {
            Insert(fact, "warm");
        }

        var cpu = CpuTime.OfThisProcess();
        var load = MachineLoad.Start(CpuTime.OfThisProcess);
        var latencies = new double[facts.Length];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < facts.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = Stopwatch.GetTimestamp();
            Insert(facts[i], "run");
            latencies[i] = Stopwatch.GetElapsedTime(call).TotalMilliseconds;
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Throughput(facts.Length, seconds, new Stats(latencies), null, (CpuTime.OfThisProcess() - cpu).TotalMilliseconds / facts.Length, load.OthersPercent(), 1);
    }

    /// <summary>
    /// A fresh host (or, on PostgreSQL, <paramref name="instances"/> hosts on one fresh database, sharing a data directory
    /// and so the signing key): client <c>c</c> calls host <c>c % instances</c>, over that host's one channel or a channel of its own.
    /// </summary>
    private async Task<Throughput> OursAsync(
        Roster roster, PlannedFact[] warmup, PlannedFact[] facts, int clients, bool channelPerClient, int instances, CancellationToken cancellationToken)
    {
        var name = $"record-event-{clients}-{(channelPerClient ? "channels" : "channel")}{(instances > 1 ? $"-{instances}-hosts" : string.Empty)}";
        var directory = workspace.NewDirectory(name);
        var database = server is null ? null : await server.CreateAsync(name, null, cancellationToken);
        var hosts = new List<ChildHost>();
        var channels = new List<Grpc.Net.Client.GrpcChannel>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                hosts.Add(await ChildHost.StartAsync(repo, directory, cancellationToken, database));
            }

            var hostChannels = hosts.Select(h => h.NewChannel()).ToList();
            channels.AddRange(hostChannels);
            await GrpcSeeding.SeedRosterAsync(hostChannels[0], roster, cancellationToken);
            var clientChannels = channelPerClient
                ? Enumerable.Range(0, clients).Select(c => hosts[c % instances].NewChannel()).ToList()
                : Enumerable.Range(0, clients).Select(c => hostChannels[c % instances]).ToList();
            channels.AddRange(clientChannels.Except(hostChannels));
            var stubs = clientChannels.Select(c => new AssessmentService.AssessmentServiceClient(c)).ToArray();
            TimeSpan HostsCpu() => hosts.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.ProcessorTime);
            Func<int, PlannedFact, Task> Send(string tag) => async (client, fact) =>
            {
                var reply = await stubs[client].RecordEventAsync(new RecordEventRequest { Fact = GrpcSeeding.Input(fact, tag) }, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
                if (reply.Replayed)
                {
                    throw new InvalidOperationException($"fact {reply.Fact.RequestId} was replayed: request ids must be unique");
                }
            };

            await WarmUpAsync(clients, warmup, Send("warm"));
            var hostCpu = HostsCpu();
            var benchCpu = CpuTime.OfThisProcess();
            var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + HostsCpu());
            var (seconds, latencies) = await DriveAsync(clients, facts, Send("run"));
            return new Throughput(
                facts.Length, seconds, latencies,
                (HostsCpu() - hostCpu).TotalMilliseconds / facts.Length,
                (CpuTime.OfThisProcess() - benchCpu).TotalMilliseconds / facts.Length,
                load.OthersPercent(),
                await FactsPerCommitAsync(hosts[0].Database, cancellationToken));
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }

            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// What the transport costs without the service's work: calls of a method the host does not have, on a fresh host, with the
    /// same clients, shared channel and token. Each goes through HTTP/2 and the routing and is answered
    /// UNIMPLEMENTED by the gRPC framework, before any interceptor, handler or database.
    /// </summary>
    private async Task<Throughput> TransportFloorAsync(int warmupCalls, int calls, int clients, CancellationToken cancellationToken)
    {
        await using var host = await ChildHost.StartAsync(repo, workspace.NewDirectory("record-event-floor"), cancellationToken,
            server is null ? null : await server.CreateAsync("record-event-floor", null, cancellationToken));
        using var channel = host.NewChannel();
        var invoker = channel.CreateCallInvoker();
        async Task Call(int client, PlannedFact fact)
        {
            try
            {
                await invoker.AsyncUnaryCall(UnknownMethod.Nothing, null, new CallOptions(deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken), new());
                throw new InvalidOperationException("the floor's method answered: it must not exist");
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unimplemented)
            {
            }
        }

        var none = new PlannedFact[Math.Max(warmupCalls, calls)];
        await DriveAsync(clients, none[..warmupCalls], Call);
        var hostCpu = host.ProcessorTime;
        var benchCpu = CpuTime.OfThisProcess();
        var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + host.ProcessorTime);
        var (seconds, latencies) = await DriveAsync(clients, none[..calls], Call);
        return new Throughput(
            calls, seconds, latencies, (host.ProcessorTime - hostCpu).TotalMilliseconds / calls,
            (CpuTime.OfThisProcess() - benchCpu).TotalMilliseconds / calls, load.OthersPercent(), 0);
    }

    /// <summary>The handler RecordEvent calls, in a scope per call as a gRPC request has, on a fresh in-process platform.</summary>
    private async Task<Throughput> InProcessAsync(Roster roster, PlannedFact[] warmup, PlannedFact[] facts, int clients, CancellationToken cancellationToken)
    {
        await using var platform = await InProcessPlatform.StartAsync(await NewDatabaseAsync("record-event-in-process", cancellationToken), repo, cancellationToken);
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var members = scope.ServiceProvider.GetRequiredService<IMembersModule>();
            await members.EnsureBranchAsync(roster.Branches[0].ToRecord(), cancellationToken);
            await members.ImportMembersAsync(roster.Members.Select(m => m.ToRecord()).ToList(), cancellationToken);
        }

        Func<int, PlannedFact, Task> Send(string tag) => async (_, fact) =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<FactRegistrar>()
                .RegisterAsync([GrpcSeeding.Input(fact, tag).ToInput()], _ => "fact.", cancellationToken);
            if (outcomes[0].Result != FactWriteResult.Recorded)
            {
                throw new InvalidOperationException($"fact {fact.RequestKey(tag)} was not recorded: {outcomes[0].Error?.Message ?? outcomes[0].Result.ToString()}");
            }
        };

        await WarmUpAsync(clients, warmup, Send("warm"));
        var cpu = CpuTime.OfThisProcess();
        var load = MachineLoad.Start(CpuTime.OfThisProcess);
        var (seconds, latencies) = await DriveAsync(clients, facts, Send("run"));
        return new Throughput(
            facts.Length, seconds, latencies, null, (CpuTime.OfThisProcess() - cpu).TotalMilliseconds / facts.Length, load.OthersPercent(),
            await FactsPerCommitAsync(platform.Database, cancellationToken));
    }

    /// <summary>
    /// The year's first write stores its scoring table, so one fact goes alone: concurrent first writes would
    /// race to store it (the service resolves that race, but it is no part of what we measure).
    /// </summary>
    private static async Task WarmUpAsync(int clients, PlannedFact[] warmup, Func<int, PlannedFact, Task> send)
    {
        await DriveAsync(1, warmup[..1], send);
        if (warmup.Length > 1)
        {
            await DriveAsync(clients, warmup[1..], send);
        }
    }

    /// <summary>Each client sends fact after fact, taking the next unsent one, until every fact is sent.</summary>
    private static async Task<(double Seconds, Stats Latencies)> DriveAsync(int clients, PlannedFact[] facts, Func<int, PlannedFact, Task> send)
    {
        var next = -1;
        var latencies = new double[facts.Length];
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < facts.Length)
            {
                var call = Stopwatch.GetTimestamp();
                await send(client, facts[i]);
                latencies[i] = Stopwatch.GetElapsedTime(call).TotalMilliseconds;
            }
        })));
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, new Stats(latencies));
    }

    /// <summary>
    /// How many facts each commit carried: the writer stamps every fact of a commit with the same
    /// recorded-at instant, so the measured facts over their distinct stamps is the average batch.
    /// </summary>
    private static async Task<double> FactsPerCommitAsync(ServiceDatabase database, CancellationToken cancellationToken)
    {
        await using DbConnection connection = database.IsPostgreSql
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT \"RecordedAtUtcTicks\") " +
                              $"FROM {new FactSql(database).Facts} WHERE \"RequestId\" LIKE 'run-%'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0) * 1.0 / Math.Max(reader.GetInt64(1), 1);
    }

    private static IReadOnlyList<string> Row(string label, Throughput run, Throughput baseline) =>
    [
        label, Report.Count(run.Facts), Report.Seconds(run.Seconds), Report.Count(run.PerSecond),
        Report.Ms(run.Latency.Median), Report.Ms(run.Latency.Percentile(99)),
        run.HostCpuMsPerFact is { } host ? Report.Ms(host) : "-", Report.Ms(run.BenchCpuMsPerFact),
        run.FactsPerCommit.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
        run.OthersPercent is { } others ? Report.Percent(others) : "?",
        Report.Ratio(run.PerSecond / baseline.PerSecond),
    ];

    private sealed record Throughput(int Facts, double Seconds, Stats Latency, double? HostCpuMsPerFact, double BenchCpuMsPerFact, double? OthersPercent, double FactsPerCommit)
    {
        public double PerSecond => Facts / Seconds;
    }
}
