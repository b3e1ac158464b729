using System.Collections.Concurrent;
using System.Diagnostics;
using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;
using static Chuangji.Workflow.Tests.Members.MembersFixtures;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// Issue 11: an acknowledged write survives a crash, and a retried request never counts twice. The real service runs
/// as a child process; concurrent clients record facts until it is killed with SIGKILL mid-load; a new process on the
/// same data directory must hold every acknowledged fact once, and retrying every request that was sent (answered or
/// not) must answer each with its fact and leave exactly one fact per request id.
/// Runs beside the other tests: nothing it asserts depends on a quiet machine (the child's start and every call have
/// generous timeouts, and the kill waits for acknowledged facts however slowly they come).
/// </summary>
[RunsLong]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Members = 50;
    private const int Clients = 32;
    private const int MaxRequestsPerClient = 2_000;
    private const int PageSize = 500;
    private const string Kind = "MEETING_LATE";

    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(1.75);
    private static readonly TimeSpan MostLoadBeforeKill = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Kill_MidLoad_KeepsEveryAcknowledgedFactOnce_AndEveryRetryCountsOnce()
    {
        var clock = Stopwatch.StartNew();
        var directory = NewDirectory();
        // The database migrated once per run (what a service finds after its first start): the crash, not the migrations, is under test here.
        var database = await TestDatabase.CreateAsync(directory, await TemplateDatabase.GetAsync(scheduler: false));
        var signingKey = ChildService.NewSigningKey();
        var staffNumbers = StaffNumbers();
        ChildService? service = null;
        try
        {
            service = await ChildService.StartAsync(directory, signingKey, database);
            var started = clock.Elapsed;
            await SeedAsync(service, staffNumbers);

            var load = new Load(staffNumbers, OccurredOn);
            await load.RunUntilKilledAsync(service);
            output.WriteLine($"killed pid {service.ProcessId} (exit {service.ExitCode}) after {load.LoadTime.TotalSeconds:0.00} s of load by {Clients} clients: " +
                             $"{load.Sent.Count} requests sent, {load.Acknowledged.Count} acknowledged, {load.InFlight.Count} in flight, {load.SentAfterDeath} sent after it was gone");
            load.Unexpected.Should().BeEmpty("before the kill every request must be acknowledged; the service's last output:\n{0}", service.OutputTail());
            load.InFlight.Should().NotBeEmpty("the kill must come mid-load, with requests unanswered");
            await service.DisposeAsync();
            service = null;

            service = await ChildService.StartAsync(directory, signingKey, database);
            await VerifyEveryAcknowledgedFactOnce_AndEveryRetryCountsOnceAsync(service, load);
            output.WriteLine($"time: first start {started.TotalSeconds:0.0} s, total {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }

            await database.DropAsync();
            DeleteDirectory(directory);
        }
    }

    /// <summary>
    /// Two instances on one PostgreSQL database, the clients spread over both; one is killed mid-load. The other, still
    /// serving, holds every fact either acknowledged, once, and retrying every request there stores each once.
    /// </summary>
    [PostgreSqlOnlyFact]
    public async Task KillOneOfTwoInstances_MidLoad_TheOtherKeepsEveryAcknowledgedFactOnce_AndEveryRetryCountsOnce()
    {
        var (first, second) = (NewDirectory(), NewDirectory());
        var database = await TestDatabase.CreateAsync(first, await TemplateDatabase.GetAsync(scheduler: false));
        var signingKey = ChildService.NewSigningKey();
        var staffNumbers = StaffNumbers();
        ChildService? killed = null;
        ChildService? survivor = null;
        try
        {
            killed = await ChildService.StartAsync(first, signingKey, database);
            survivor = await ChildService.StartAsync(second, signingKey, database);
            await SeedAsync(survivor, staffNumbers);

            var load = new Load(staffNumbers, OccurredOn);
            await load.RunUntilKilledAsync(killed, survivor);
            output.WriteLine($"killed one of two instances after {load.LoadTime.TotalSeconds:0.00} s of load by {Clients} clients over both: " +
                             $"{load.Sent.Count} requests sent, {load.Acknowledged.Count} acknowledged, {load.InFlight.Count} in flight");
            load.Unexpected.Should().BeEmpty("before the kill every request must be acknowledged; the killed instance's last output:\n{0}", killed.OutputTail());
            load.InFlight.Should().NotBeEmpty("the kill must come mid-load, with requests unanswered");

            await VerifyEveryAcknowledgedFactOnce_AndEveryRetryCountsOnceAsync(survivor, load);
        }
        finally
        {
            foreach (var instance in new[] { killed, survivor })
            {
                if (instance is not null)
                {
                    await instance.DisposeAsync();
                }
            }

            await database.DropAsync();
            DeleteDirectory(first);
            DeleteDirectory(second);
        }
    }

    /// <summary>Two days ago by UTC: in the past in the college's time zone (Asia/Shanghai, ahead of UTC) too.</summary>
    private static DateOnly OccurredOn => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    private static string[] StaffNumbers() => Enumerable.Range(0, Members).Select(i => $"T{3001 + i}").ToArray();

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the test's outcome does not depend on it.
        }
    }

    private async Task VerifyEveryAcknowledgedFactOnce_AndEveryRetryCountsOnceAsync(ChildService service, Load load)
    {
        using var channel = service.NewChannel();
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var year = OccurredOn.Year;

        var afterCrash = await ListFactsAsync(assessment, year, load.Sent.Count);
        var storedIds = afterCrash.Select(f => f.RequestId).ToHashSet();
        Duplicates(afterCrash).Should().BeEmpty("no request id may be stored twice");
        afterCrash.Select(f => f.RequestId).Where(id => !load.Sent.ContainsKey(id)).Should().BeEmpty("only requests that were sent may be stored");
        load.Acknowledged.Keys.Where(id => !storedIds.Contains(id)).Order().Should()
            .BeEmpty("every acknowledged fact must survive the crash ({0} acknowledged, {1} stored)", load.Acknowledged.Count, afterCrash.Count);
        afterCrash.Where(f => load.Acknowledged.TryGetValue(f.RequestId, out var answered) && !answered.Equals(f)).Select(f => f.RequestId).Should()
            .BeEmpty("an acknowledged fact must be stored as it was answered");
        var inFlightStored = load.InFlight.Count(storedIds.Contains);
        output.WriteLine($"after the crash: {afterCrash.Count} facts, every acknowledged one once; of those in flight " +
                         $"{inFlightStored} were stored anyway, {load.InFlight.Count - inFlightStored} not");

        var problems = await RetryEveryRequestAsync(service, load, storedIds);
        problems.Should().BeEmpty("a retry must answer with its fact, replayed exactly when it was stored before; the service's last output:\n{0}", service.OutputTail());

        var afterRetry = await ListFactsAsync(assessment, year, load.Sent.Count);
        Duplicates(afterRetry).Should().BeEmpty("a retried request never counts twice");
        var retriedIds = afterRetry.Select(f => f.RequestId).ToHashSet();
        load.Sent.Keys.Where(id => !retriedIds.Contains(id)).Order().Should().BeEmpty("after the retries every sent request is a fact");
        afterRetry.Should().HaveCount(load.Sent.Count, "after the retries every sent request is exactly one fact, and nothing else is");
        output.WriteLine($"after retrying all {load.Sent.Count} requests: {afterRetry.Count} facts, one per request id");
    }

    private static async Task SeedAsync(ChildService service, IReadOnlyList<string> staffNumbers)
    {
        using var channel = service.NewChannel();
        var members = new MembersService.MembersServiceClient(channel);
        await members.CreateBranchAsync(Branch("B01"), deadline: Deadline);
        var import = new ImportMembersRequest();
        import.Members.AddRange(staffNumbers.Select(s => Registration(s)));
        var reply = await members.ImportMembersAsync(import, deadline: Deadline);
        reply.CreatedCount.Should().Be(staffNumbers.Count, "the roster must be seeded; first refusal: {0}",
            reply.Results.FirstOrDefault(r => r.Error is not null)?.Error?.Message ?? "none");
    }

    /// <summary>Each request sent once more, as it was sent, by as many concurrent clients; what went wrong, one line each.</summary>
    private static async Task<IReadOnlyList<string>> RetryEveryRequestAsync(ChildService service, Load load, IReadOnlySet<string> storedBefore)
    {
        var problems = new ConcurrentQueue<string>();
        var requests = load.Sent.Values.ToArray();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var channel = service.NewChannel();
            var assessment = new AssessmentService.AssessmentServiceClient(channel);
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Length)
            {
                var input = requests[i];
                try
                {
                    var reply = await assessment.RecordEventAsync(new RecordEventRequest { Fact = input }, deadline: Deadline);
                    var stored = storedBefore.Contains(input.RequestId);
                    if (reply.Fact is null || reply.Fact.RequestId != input.RequestId || reply.Fact.StaffNumber != input.StaffNumber)
                    {
                        problems.Enqueue($"{input.RequestId}: answered with another fact: {reply.Fact}");
                    }
                    else if (reply.Replayed != stored)
                    {
                        problems.Enqueue($"{input.RequestId}: replayed is {reply.Replayed}, but it was {(stored ? "" : "not ")}stored before the retry");
                    }
                    else if (load.Acknowledged.TryGetValue(input.RequestId, out var answered) && !answered.Equals(reply.Fact))
                    {
                        problems.Enqueue($"{input.RequestId}: replayed {reply.Fact}, acknowledged before the crash as {answered}");
                    }
                }
                catch (RpcException exception)
                {
                    problems.Enqueue($"{input.RequestId}: {exception.StatusCode} {exception.Status.Detail}");
                }
            }
        })));
        return problems.ToArray();
    }

    /// <summary>Every fact of the year, page by page; bounded by the number of requests that could have made one.</summary>
    private static async Task<IReadOnlyList<Fact>> ListFactsAsync(AssessmentService.AssessmentServiceClient assessment, int year, int sent)
    {
        var facts = new List<Fact>();
        var request = new ListEventsRequest { Year = year, IncludeRevoked = true, PageSize = PageSize };
        for (var page = 0; page <= sent / PageSize + 2; page++)
        {
            var reply = await assessment.ListEventsAsync(request, deadline: Deadline);
            facts.AddRange(reply.Facts);
            if (string.IsNullOrEmpty(reply.NextPageToken))
            {
                return facts;
            }

            request.PageToken = reply.NextPageToken;
        }

        throw new InvalidOperationException($"ListEvents still had pages after {facts.Count} facts; at most {sent} requests were sent");
    }

    private static IReadOnlyList<string> Duplicates(IEnumerable<Fact> facts) =>
        facts.GroupBy(f => f.RequestId).Where(g => g.Count() > 1).Select(g => $"{g.Key} × {g.Count()}").ToList();

    private static DateTime Deadline => DateTime.UtcNow.Add(CallTimeout);

    /// <summary>
    /// The clients and what they saw: every request is remembered before it is sent, and as acknowledged once an OK
    /// answer came. Each client sends until a call fails: until the kill every call must succeed; after it, the
    /// first failed call ends its client, so each has one request in flight when the process dies.
    /// </summary>
    private sealed class Load(IReadOnlyList<string> staffNumbers, DateOnly occurredOn)
    {
        private readonly ConcurrentDictionary<string, byte> _sentAfterDeath = new();
        private volatile bool _killed;
        private volatile bool _dead;

        public ConcurrentDictionary<string, FactInput> Sent { get; } = new();

        public ConcurrentDictionary<string, Fact> Acknowledged { get; } = new();

        public ConcurrentQueue<string> Unexpected { get; } = new();

        /// <summary>Sent before the process was gone and never answered: in flight at the kill.</summary>
        public IReadOnlyList<string> InFlight => Sent.Keys.Where(id => !Acknowledged.ContainsKey(id) && !_sentAfterDeath.ContainsKey(id)).ToList();

        /// <summary>Sent once the process was gone (refused, never received): retried all the same.</summary>
        public int SentAfterDeath => _sentAfterDeath.Count;

        public TimeSpan LoadTime { get; private set; }

        /// <summary>
        /// Loads <paramref name="service"/> (the even clients, when a <paramref name="survivor"/> takes the odd ones) and kills
        /// it mid-load. After the kill the clients of the survivor stop sending: each finishes the call it is in.
        /// </summary>
        public async Task RunUntilKilledAsync(ChildService service, ChildService? survivor = null)
        {
            var channels = Enumerable.Range(0, Clients).Select(c => (survivor is not null && c % 2 == 1 ? survivor : service).NewChannel()).ToArray();
            try
            {
                // The year's first fact stores its scoring table: it goes alone, as a campus system's first call would.
                await SendAsync(new AssessmentService.AssessmentServiceClient(channels[0]), Input("crash-first", staffNumbers[0]));
                var clock = Stopwatch.StartNew();
                var clients = Enumerable.Range(0, Clients)
                .Select(c => Task.Run(() => ClientAsync(c, new AssessmentService.AssessmentServiceClient(channels[c]), stopsAtKill: survivor is not null && c % 2 == 1)))
                .ToArray();
                await Task.Delay(LoadBeforeKill);
                while (Acknowledged.Count < Clients && clock.Elapsed < MostLoadBeforeKill && !clients.All(c => c.IsCompleted))
                {
                    await Task.Delay(50);
                }

                LoadTime = clock.Elapsed;
                _killed = true;
                await service.KillAsync();
                _dead = true;
                await Task.WhenAll(clients).WaitAsync(CallTimeout);
            }
            finally
            {
                foreach (var channel in channels)
                {
                    channel.Dispose();
                }
            }
        }

        private async Task ClientAsync(int client, AssessmentService.AssessmentServiceClient assessment, bool stopsAtKill)
        {
            for (var n = 0; n < MaxRequestsPerClient && !(stopsAtKill && _killed); n++)
            {
                if (!await SendAsync(assessment, Input($"crash-{client:D2}-{n:D4}", staffNumbers[(client + n) % staffNumbers.Count])))
                {
                    return;
                }
            }
        }

        private async Task<bool> SendAsync(AssessmentService.AssessmentServiceClient assessment, FactInput input)
        {
            Sent[input.RequestId] = input;
            if (_dead)
            {
                _sentAfterDeath[input.RequestId] = 0;
            }

            try
            {
                var reply = await assessment.RecordEventAsync(new RecordEventRequest { Fact = input }, deadline: Deadline);
                if (reply.Replayed || reply.Fact?.RequestId != input.RequestId)
                {
                    Unexpected.Enqueue($"{input.RequestId}: the first send answered replayed={reply.Replayed} with {reply.Fact}");
                }

                Acknowledged[input.RequestId] = reply.Fact!;
                return true;
            }
            catch (RpcException exception)
            {
                if (!_killed)
                {
                    Unexpected.Enqueue($"{input.RequestId}: {exception.StatusCode} {exception.Status.Detail}");
                }

                return false;
            }
        }

        private FactInput Input(string requestId, string staffNumber) => new()
        {
            StaffNumber = staffNumber,
            Kind = Kind,
            OccurredOn = IsoDate.Format(occurredOn),
            Count = 1,
            RecordedBy = "meeting-checkin",
            RequestId = requestId,
        };
    }
}
