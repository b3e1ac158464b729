using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Startup;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// Start-up to SERVING on an empty SQLite database: the Host as built (Release) and as published ReadyToRun, each
/// started afresh on an empty data directory, in turn with the floor: an ASP.NET Core gRPC server with a health service
/// and nothing else, started the same way. The scheduler is on, as in a college's service.
/// </summary>
internal sealed class StartupScenario(BenchOptions options, RepoPaths repo, Workspace workspace)
{
    private const double TargetMs = 1_000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Report.Heading($"startup: to SERVING on an empty SQLite database, {options.StartupRuns} starts of each, in turn");
        await ChildHost.EnsureBuiltAsync(repo, options.BuildHost, cancellationToken);
        Report.Line("building the empty gRPC host and publishing the Host ReadyToRun…");
        await ServerBuilds.BuildEmptyHostAsync(repo, cancellationToken);
        var readyToRun = await ServerBuilds.PublishReadyToRunAsync(repo, workspace.NewDirectory("published"), cancellationToken);
        var servers = new (string Name, string Dll)[]
        {
            ("empty gRPC host (floor)", ServerBuilds.EmptyHostDll(repo)),
            ("Host, dotnet build", repo.HostDll),
            ("Host, ReadyToRun", readyToRun),
        };

        var measured = servers.ToDictionary(server => server.Name, _ => new List<StartMeasurement>());
        // The servers' CPU up to SERVING counts as ours (their shutdowns do not: a little of them shows as others).
        var serversCpu = TimeSpan.Zero;
        var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + serversCpu);
        for (var run = 0; run < options.StartupRuns; run++)
        {
            foreach (var (name, dll) in servers)
            {
                var start = await StartedProcess.MeasureAsync(dll, workspace.NewDirectory($"start-{run}-{Path.GetFileNameWithoutExtension(dll)}"), cancellationToken);
                serversCpu += TimeSpan.FromMilliseconds(start.CpuMs);
                measured[name].Add(start);
            }
        }

        var others = load.OthersPercent();
        var floor = new Stats(measured[servers[0].Name].Select(m => m.ServingMs)).Median;
        Report.Table(
            ["server", "median ms", "min", "max", "ratio", "CPU ms", "database ready ms"],
            servers.Select(server =>
            {
                var starts = measured[server.Name];
                var serving = new Stats(starts.Select(m => m.ServingMs));
                var database = starts.Where(m => m.DatabaseReadyMs is not null).Select(m => m.DatabaseReadyMs!.Value).ToList();
                return (IReadOnlyList<string>)
                [
                    server.Name, Report.Ms(serving.Median), Report.Ms(serving.Min), Report.Ms(serving.Max), Report.Ratio(serving.Median / floor),
                    Report.Ms(new Stats(starts.Select(m => m.CpuMs)).Median), database.Count == 0 ? "-" : Report.Ms(new Stats(database).Median),
                ];
            }));
        Report.Line($"others_cpu during the starts: {(others is { } percent ? Report.Percent(percent) : "unknown")} of the machine");
        var built = new Stats(measured[servers[1].Name].Select(m => m.ServingMs)).Median;
        var published = new Stats(measured[servers[2].Name].Select(m => m.ServingMs)).Median;
        Report.Result("startup",
            $"built {Report.Ms(built)} ms ({Report.Ratio(built / floor)}), ReadyToRun {Report.Ms(published)} ms ({Report.Ratio(published / floor)}), " +
            $"floor {Report.Ms(floor)} ms; target < {TargetMs:F0} ms: {(Math.Min(built, published) < TargetMs ? "met" : "missed")}");
    }
}
