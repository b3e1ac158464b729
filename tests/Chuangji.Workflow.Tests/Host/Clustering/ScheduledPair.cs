using System.Diagnostics;
using System.Globalization;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Grpc.Net.Client;

namespace Chuangji.Workflow.Tests.Host.Clustering;

/// <summary>
/// Two instances of the real service as child processes on one PostgreSQL database (the test college, no year open),
/// each with its scheduler on and its clock moved to the same moment (Development only), running on in real time: the
/// cluster's instances as Quartz knows them, each of which can be killed with SIGKILL as a crash would end it.
/// </summary>
internal sealed class ScheduledPair : IAsyncDisposable
{
    private static readonly DateTimeOffset January5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly List<string> _directories;
    private readonly List<ScheduledInstance> _instances = [];

    private ScheduledPair(TestDatabase database, ClusterRecords tables, List<string> directories)
    {
        Database = database;
        Tables = tables;
        _directories = directories;
    }

    public TestDatabase Database { get; }

    public ClusterRecords Tables { get; }

    public IReadOnlyList<ScheduledInstance> Instances => _instances;

    /// <summary>The first instance's clock (the second's stands within about a second of it).</summary>
    public DateTimeOffset Now => Instances[0].Now;

    /// <summary>Starts the first instance with its clock at <paramref name="clockStart"/>, then the second at the same reading.</summary>
    public static async Task<ScheduledPair> StartAsync(DateTimeOffset clockStart)
    {
        var directories = new List<string> { NewDirectory(), NewDirectory() };
        var database = await TestDatabase.CreateAsync(directories[0], await TemplateDatabase.GetAsync(scheduler: true, MembersFixtures.TestCollege(January5)));
        var pair = new ScheduledPair(database, new ClusterRecords(database), directories);
        try
        {
            var signingKey = ChildService.NewSigningKey();
            var launched = Stopwatch.StartNew();
            foreach (var directory in directories)
            {
                // The second is started later: its clock starts as much later, so both read the same moment.
                var known = await pair.Tables.SchedulerInstancesAsync();
                var service = await ChildService.StartAsync(directory, signingKey, database, [
                    "--Chuangji:Scheduler:Enabled=true",
                    $"--Chuangji:Clock:Start={(clockStart + launched.Elapsed).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}",
                ], environment: "Development");
                pair._instances.Add(new ScheduledInstance(service, await pair.NewQuartzInstanceAsync(known, service), ClockOffset(directory)));
            }

            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public ScheduledInstance ByQuartzId(string quartzId) =>
        Instances.SingleOrDefault(i => i.QuartzId == quartzId)
        ?? throw new InvalidOperationException($"'{quartzId}' is neither instance ({string.Join(", ", Instances.Select(i => i.QuartzId))})");

    public ScheduledInstance Other(ScheduledInstance instance) => Instances.Single(i => i != instance);

    /// <summary>Both instances' last output, for failure messages.</summary>
    public string Output() => string.Join("\n\n", Instances.Select(i => $"--- {i.QuartzId} (pid {i.Service.ProcessId}):\n{i.Service.OutputTail()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.Service.DisposeAsync();
        }

        await Database.DropAsync();
        foreach (var directory in _directories)
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
    }

    /// <summary>The id the new instance's scheduler checked in with: the one that was not there before it started.</summary>
    private async Task<string> NewQuartzInstanceAsync(IReadOnlySet<string> known, ChildService service)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var added = (await Tables.SchedulerInstancesAsync()).Except(known).ToList();
            if (added.Count == 1)
            {
                return added[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"pid {service.ProcessId} never checked in to the cluster; its last output:\n{service.OutputTail()}");
    }

    /// <summary>How far the instance's moved clock stands from real time, as the service noted it in its data directory.</summary>
    private static TimeSpan ClockOffset(string directory) =>
        TimeSpan.FromTicks(long.Parse(File.ReadAllLines(Path.Combine(directory, "moved-clock"))[1], CultureInfo.InvariantCulture));

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>One instance of a <see cref="ScheduledPair"/>: the process, its Quartz instance id and its clock.</summary>
internal sealed record ScheduledInstance(ChildService Service, string QuartzId, TimeSpan ClockOffset)
{
    public DateTimeOffset Now => DateTimeOffset.UtcNow + ClockOffset;

    /// <summary>A channel whose token is issued on the instance's moved clock (one issued on today's would not be valid yet).</summary>
    public GrpcChannel NewChannel() => Service.NewChannel(new MovedClock(Now, TimeProvider.System, ClockOffset));
}
