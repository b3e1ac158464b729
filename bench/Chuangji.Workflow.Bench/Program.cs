using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Chuangji.Workflow.Bench;
using Chuangji.Workflow.Bench.Scenarios;

Console.OutputEncoding = Encoding.UTF8;
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl+C or SIGTERM cancels the run; the scenario then stops its host and the workspace is deleted.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

var repo = RepoPaths.Find();
using var workspace = Workspace.Create();
// Declared after the workspace, so disposed before it: every database of the run is dropped, also after Ctrl+C.
await using var server = options.Postgres is { } postgres ? await PostgresServer.ConnectAsync(postgres, stop.Token) : null;
Console.WriteLine($"Chuangji.Workflow.Bench: {string.Join(", ", options.Scenarios)}{(options.Quick ? " (quick)" : "")}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 30} GB, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
Console.WriteLine($"code: {repo.CodeVersion()}");
Console.WriteLine($"workspace: {workspace.Root} (deleted at the end)");
Console.WriteLine(server is null ? "database: SQLite files in the workspace" : $"database: {server.Description}; a database per run, dropped at the end");
try
{
    foreach (var scenario in options.Scenarios)
    {
        var run = scenario switch
        {
            "recompute" => new RecomputeScenario(options, repo, workspace, server).RunAsync(stop.Token),
            "list-scorecards" => new ListScorecardsScenario(options, repo, workspace).RunAsync(stop.Token),
            "advance-phase" => new AdvancePhaseScenario(options, repo, workspace, server).RunAsync(stop.Token),
            "documents" => new DocumentsScenario(options, repo, workspace).RunAsync(stop.Token),
            "startup" => new StartupScenario(options, repo, workspace).RunAsync(stop.Token),
            _ => new RecordEventScenario(options, repo, workspace, server).RunAsync(stop.Token),
        };
        await run;
    }

    return 0;
}
catch (Exception exception) when (stop.IsCancellationRequested && exception is OperationCanceledException or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled })
{
    Console.Error.WriteLine("interrupted");
    return 130;
}
catch (Exception exception)
{
    Console.Error.WriteLine($"FAILED: {exception}");
    return 1;
}

void Cancel(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}
