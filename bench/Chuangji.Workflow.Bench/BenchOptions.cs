using System.Globalization;

namespace Chuangji.Workflow.Bench;

/// <summary>The command line: a scenario, then options; <c>--quick</c> scales every default down for a smoke run.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    bool Quick,
    int Members,
    int FactsPerMember,
    int BranchMembers,
    int BranchFactsPerMember,
    int Warmup,
    int Calls,
    int Facts,
    int RecordWarmup,
    int Clients,
    int AdvanceMembers,
    int AdvanceRuns,
    int DocumentsMembers,
    int DocumentsFactsPerMember,
    int DocumentsRuns,
    int DocumentsWarmup,
    int StartupRuns,
    bool BuildHost,
    string? Postgres)
{
    public const string Usage =
        """
        usage: dotnet run -c Release --project bench/Chuangji.Workflow.Bench -- <scenario> [options]

        scenarios:
          recompute         college-wide recompute (SummarizeYearHandler) against a plain GROUP BY, in process
          list-scorecards   ListScorecards latency over gRPC against the real host
          record-event      RecordEvent throughput over gRPC (32 clients) against one transaction per row on the same database
          advance-phase     AdvancePhase of the whole college over gRPC against a plain SQL UPDATE of the same rows
          documents         the college overview and dossier over HTTP against MiniExcel writing the same cells from memory
          startup           start-up to SERVING on an empty SQLite database (as built and ReadyToRun) against an empty gRPC host
          all               the six, in that order (with --postgres: recompute, record-event, advance-phase)

        options:
          --members N                recompute: members (default 100000; --quick 5000)
          --facts-per-member M       recompute: facts per member (default 30)
          --branch-members N         list-scorecards: members of the branch (default 200)
          --branch-facts-per-member  list-scorecards: facts per member (default 60)
          --calls N                  list-scorecards: measured calls (default 300; --quick 50)
          --warmup N                 list-scorecards: warm-up calls (default 20; --quick 5)
          --facts N                  record-event: facts to record (default 20000; --quick 2000)
          --record-warmup N          record-event: warm-up calls per run, until the JIT has settled (default 10000; --quick 200)
          --clients N                record-event: concurrent clients (default 32)
          --advance-members N        advance-phase: cycles moved by each call (default 10000; --quick 1000)
          --advance-runs N           advance-phase: runs, each on a fresh copy of the seeded year (default 3; --quick 1)
          --documents-members N      documents: members of the college (default 10000; --quick 1000)
          --documents-facts-per-member M  documents: facts per member (default 5)
          --documents-runs N         documents: timed runs per document (default 5)
          --documents-warmup N       documents: untimed rounds before them (default 4)
          --startup-runs N           startup: starts of each server (default 7; --quick 2)
          --no-host-build            do not run `dotnet build -c Release src/Host` first
          --quick                    scale everything down for a smoke run
          --postgres "<connection>"  run on PostgreSQL: an Npgsql connection string to a maintenance database of a server
                                     (a role that may create databases); each run's databases are made on it and dropped
                                     at the end. recompute, record-event (also two hosts on one database) and advance-phase.
        """;

    private static readonly string[] Known = ["recompute", "list-scorecards", "record-event", "advance-phase", "documents", "startup", "all"];

    /// <summary>The scenarios that run on PostgreSQL; list-scorecards and documents read the host's SQLite file for their baselines.</summary>
    public static readonly string[] OnPostgreSql = ["recompute", "record-event", "advance-phase"];

    public bool IsPostgreSql => Postgres is not null;

    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Known.Contains(args[0]))
        {
            return null;
        }

        var quick = args.Contains("--quick");
        var options = new BenchOptions(
            args[0] == "all" ? ["recompute", "list-scorecards", "record-event", "advance-phase", "documents", "startup"] : [args[0]],
            quick,
            Members: quick ? 5_000 : 100_000,
            FactsPerMember: 30,
            BranchMembers: 200,
            BranchFactsPerMember: 60,
            Warmup: quick ? 5 : 20,
            Calls: quick ? 50 : 300,
            Facts: quick ? 2_000 : 20_000,
            RecordWarmup: quick ? 200 : 10_000,
            Clients: 32,
            AdvanceMembers: quick ? 1_000 : 10_000,
            AdvanceRuns: quick ? 1 : 3,
            DocumentsMembers: quick ? 1_000 : 10_000,
            DocumentsFactsPerMember: 5,
            DocumentsRuns: quick ? 3 : 5,
            DocumentsWarmup: quick ? 1 : 4,
            StartupRuns: quick ? 2 : 7,
            BuildHost: !args.Contains("--no-host-build"),
            Postgres: null);

        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "--quick" or "--no-host-build")
            {
                continue;
            }

            if (args[i] == "--postgres")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    return null;
                }

                options = options with { Postgres = args[++i] };
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            options = args[i] switch
            {
                "--members" => options with { Members = value },
                "--facts-per-member" => options with { FactsPerMember = value },
                "--branch-members" => options with { BranchMembers = value },
                "--branch-facts-per-member" => options with { BranchFactsPerMember = value },
                "--calls" => options with { Calls = value },
                "--warmup" => options with { Warmup = value },
                "--facts" => options with { Facts = value },
                "--record-warmup" => options with { RecordWarmup = value },
                "--clients" => options with { Clients = value },
                "--advance-members" => options with { AdvanceMembers = value },
                "--advance-runs" => options with { AdvanceRuns = value },
                "--documents-members" => options with { DocumentsMembers = value },
                "--documents-facts-per-member" => options with { DocumentsFactsPerMember = value },
                "--documents-runs" => options with { DocumentsRuns = value },
                "--documents-warmup" => options with { DocumentsWarmup = value },
                "--startup-runs" => options with { StartupRuns = value },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }

            i++;
        }

        if (options.IsPostgreSql)
        {
            if (args[0] == "all")
            {
                options = options with { Scenarios = OnPostgreSql };
            }
            else if (!OnPostgreSql.Contains(args[0]))
            {
                Console.Error.WriteLine($"{args[0]} runs on SQLite only (its baseline reads the host's SQLite file); on PostgreSQL: {string.Join(", ", OnPostgreSql)}");
                return null;
            }
        }

        return options;
    }
}
