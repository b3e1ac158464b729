using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.Bench.Seeding;
using Chuangji.Workflow.V1;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Chuangji.Workflow.Bench.Scenarios;

/// <summary>
/// The college overview workbook and the college dossier fetched over plain HTTP from the real host (a child
/// process, so its memory is the service's alone), against the workbook library writing the same cells from an
/// in-memory list in the harness. The college is seeded once over gRPC (roster, facts, OpenYear, every cycle
/// advanced to publicity); the host is then restarted on the seeded file, each document is fetched once untimed
/// (it warms the code paths and keeps the bytes the baseline reads back), then the runs alternate ours and the
/// library's, per document.
/// </summary>
internal sealed class DocumentsScenario(BenchOptions options, RepoPaths repo, Workspace workspace)
{
    private const int Year = 2026;
    private const int PerBranch = 200;
    private const int PageSize = 500;
    private const double TargetRatio = 3;
    private const long TargetPeakBytes = 300L * 1024 * 1024;
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(10);

    private static readonly (CycleState State, CycleSubState SubState)[] Phases =
    [
        (CycleState.SelfReport, CycleSubState.FirstHalf),
        (CycleState.SelfReport, CycleSubState.SecondHalf),
        (CycleState.MassReview, CycleSubState.Unspecified),
        (CycleState.Publicity, CycleSubState.Unspecified),
    ];

    private static readonly Document[] Documents =
    [
        new("overview", $"/documents/{Year}/overview.xlsx", Zip: false),
        new("dossier", $"/documents/{Year}/dossier.zip", Zip: true),
    ];

    /// <summary>The library as the service configures it, less the column widths and the frozen pane: the same cells, nothing else.</summary>
    private static readonly OpenXmlConfiguration Library = new()
    {
        FastMode = false,
        AutoFilter = false,
        EnableWriteFilePath = false,
        EnableConvertByteArray = false,
        TableStyles = TableStyles.None,
        Culture = CultureInfo.InvariantCulture,
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = options.DocumentsMembers;
        Report.Heading($"documents: the college overview (overview.xlsx) and dossier (dossier.zip) of {Report.Count(count)} members over HTTP from the real host, " +
                       $"{options.DocumentsWarmup} untimed warm-up round(s), then {options.DocumentsRuns} run(s), vs MiniExcel writing the same cells from an in-memory list");
        await ChildHost.EnsureBuiltAsync(repo, options.BuildHost, cancellationToken);
        var roster = Roster.Generate(count, PerBranch, seed: 1300);
        var directory = await SeedAsync(roster, cancellationToken);

        await using var host = await ChildHost.StartAsync(repo, directory, cancellationToken);
        using var http = host.NewHttpClient(DownloadTimeout);
        var idle = ChildMemory.Resident(host.ProcessId) ?? 0;
        Report.Line($"host restarted on the seeded file (pid {host.ProcessId}): resident {Report.Mb(idle)} MB before the first document");

        // First fetch, untimed for the ratio: the first college-wide read also pays the roster sync that follows a restart.
        var books = new Dictionary<string, List<Entry>>();
        var firsts = new List<string>();
        foreach (var document in Documents)
        {
            var file = Path.Combine(workspace.NewDirectory($"documents-{document.Name}"), Path.GetFileName(document.Path));
            using var memory = ChildMemory.Start(host.ProcessId);
            var start = Stopwatch.GetTimestamp();
            long bytes;
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            {
                bytes = await DownloadAsync(http, document.Path, stream, cancellationToken);
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var (peak, sampled) = memory.Stop();
            firsts.Add($"{document.Name} {Report.Ms(elapsed)} ms, {Report.Count(bytes)} bytes, host peak {Report.Mb(peak)} MB (sampled {Report.Mb(sampled)} MB)");
            books[document.Name] = Read(file, document.Zip);
        }

        Report.Line($"first fetch (untimed for the ratio): {string.Join("; ", firsts)}");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var document in Documents)
        {
            var entries = books[document.Name];
            Report.Line($"{document.Name} read back for the baseline: {entries.Count} workbook(s), {entries.Sum(e => e.Sheets.Count)} sheet(s), " +
                        $"{Report.Count(entries.Sum(e => e.Sheets.Sum(s => s.Rows.Count)))} rows, {Report.Count(entries.Sum(e => e.Sheets.Sum(s => s.Rows.Sum(r => r.Count(c => c.Value is not null)))))} non-empty cells");
        }

        // Untimed rounds until the code paths are compiled at their last tier: a service answers many documents, and
        // the first few run the JIT's early tiers (the first fetch above took several times a steady one).
        for (var round = 0; round < options.DocumentsWarmup; round++)
        {
            foreach (var document in Documents)
            {
                await OursAsync(host, http, document, new Measured(), cancellationToken);
                Baseline(books[document.Name], document.Zip, new Measured());
            }
        }

        var load = MachineLoad.Start(() => CpuTime.OfThisProcess() + host.ProcessorTime);
        var results = Documents.ToDictionary(d => d.Name, _ => new Measured());
        for (var run = 0; run < options.DocumentsRuns; run++)
        {
            foreach (var document in Documents)
            {
                var measured = results[document.Name];
                await OursAsync(host, http, document, measured, cancellationToken);
                Baseline(books[document.Name], document.Zip, measured);
            }
        }

        var pass = await CollegePassAsync(host, count, cancellationToken);

        var rows = new List<IReadOnlyList<string>>();
        var ratios = new Dictionary<string, double>();
        var cpuRatios = new Dictionary<string, double>();
        foreach (var document in Documents)
        {
            var m = results[document.Name];
            var ours = new Stats(m.Ours).Median;
            var library = new Stats(m.Library).Median;
            ratios[document.Name] = ours / library;
            cpuRatios[document.Name] = new Stats(m.HostCpu).Median / new Stats(m.LibraryCpu).Median;
            rows.Add(
            [
                document.Name, Report.Count(m.Bytes), Report.Ms(ours), Report.Ms(new Stats(m.Ours).Max), Report.Ms(new Stats(m.HostCpu).Median),
                Report.Mb(m.HostPeak.Max()), Report.Mb(m.HostSampled.Max()),
                Report.Count(m.LibraryBytes), Report.Ms(library), Report.Ms(new Stats(m.LibraryCpu).Median), Report.Mb(m.HarnessPeak.Max()), Report.Mb(m.HarnessHeap.Max()),
                Report.Ratio(ratios[document.Name]), Report.Ratio(cpuRatios[document.Name]),
            ]);
        }

        Report.Table(
            ["document (median of runs)", "bytes", "ours ms", "ours max ms", "host CPU ms", "host peak MB", "host sampled MB", "library bytes", "library ms", "library CPU ms", "harness peak MB", "harness heap MB", "ratio", "CPU ratio"],
            rows);
        var peakReset = results.Values.All(m => m.PeakReset);
        Report.Line($"host peak = the kernel's VmHWM of the host process during each download, {(peakReset ? "reset before each (clear_refs)" : "NOT reset (the kernel refused): it covers the host's whole life")}; " +
                    "host sampled = VmRSS sampled every ~10 ms; harness peak/heap = the harness's working set (peak reset first) and managed heap while the library wrote, " +
                    $"holding the read-back lists ({Report.Mb(heapBefore)} MB managed heap before the runs)");
        Report.Line($"diagnostic: college-wide ListScorecards over gRPC (pages of {PageSize}): the first page (the college scored and ranked once) {Report.Ms(pass.FirstPage)} ms, " +
                    $"all {(count + PageSize - 1) / PageSize} pages {Report.Ms(pass.AllPages)} ms, medians; the overview scores the college once, the dossier once " +
                    "(公示名单 branch by branch; its other materials read the cycles and names only); not part of the ratio");
        var worstRatio = ratios.Values.Max();
        var worstPeak = results.Values.Max(m => m.HostPeak.Max());
        Report.Line($"ratio ours/library: {string.Join(", ", Documents.Select(d => $"{d.Name} {Report.Ratio(ratios[d.Name])}"))} " +
                    $"(target ≤ {TargetRatio:F0}x: {(worstRatio <= TargetRatio ? "met" : "MISSED")}); host peak working set {Report.Mb(worstPeak)} MB " +
                    $"(target < {Report.Mb(TargetPeakBytes)} MB: {(worstPeak < TargetPeakBytes ? "met" : "MISSED")})");
        Report.Line($"CPU ratio (host CPU / the harness's CPU while the library wrote, less sensitive to other load): {string.Join(", ", Documents.Select(d => $"{d.Name} {Report.Ratio(cpuRatios[d.Name])}"))}");
        Report.Line($"noise: {load.Describe()}");
        Report.Result("documents",
            $"members={count} warmup={options.DocumentsWarmup} runs={options.DocumentsRuns} " +
            string.Join(" ", Documents.Select(d =>
            {
                var m = results[d.Name];
                return $"{d.Name}={Report.Ms(new Stats(m.Ours).Median)}ms/{Report.Ms(new Stats(m.Library).Median)}ms={Report.Ratio(ratios[d.Name])} {d.Name}_cpu_ratio={Report.Ratio(cpuRatios[d.Name])} {d.Name}_bytes={m.Bytes} {d.Name}_host_peak={Report.Mb(m.HostPeak.Max())}MB";
            })) +
            $" worst_ratio={Report.Ratio(worstRatio)} college_scorecards_first_page={Report.Ms(pass.FirstPage)}ms host_idle={Report.Mb(idle)}MB others_cpu={Report.Percent(load.OthersPercent() ?? 0)}");
    }

    /// <summary>
    /// Every scorecard of the college paged through ListScorecards, as often as the runs: the first page (the
    /// college scored and ranked once) and all pages; medians.
    /// </summary>
    private async Task<(double FirstPage, double AllPages)> CollegePassAsync(ChildHost host, int count, CancellationToken cancellationToken)
    {
        using var channel = host.NewChannel();
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var times = new List<double>();
        var firsts = new List<double>();
        for (var run = 0; run < options.DocumentsRuns; run++)
        {
            var start = Stopwatch.GetTimestamp();
            var seen = 0;
            var token = string.Empty;
            do
            {
                var page = await assessment.ListScorecardsAsync(
                    new ListScorecardsRequest { Year = Year, PageSize = PageSize, PageToken = token }, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
                if (seen == 0)
                {
                    firsts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                seen += page.Scorecards.Count;
                token = page.NextPageToken;
            }
            while (token.Length > 0);

            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (seen != count)
            {
                throw new InvalidOperationException($"ListScorecards of the college listed {seen} scorecards, expected {count}");
            }
        }

        return (new Stats(firsts).Median, new Stats(times).Median);
    }

    private async Task<string> SeedAsync(Roster roster, CancellationToken cancellationToken)
    {
        var seeding = Stopwatch.StartNew();
        var directory = workspace.NewDirectory("documents-seed");
        var facts = new FactMix(seed: 1301).Plan(roster.Members, options.DocumentsFactsPerMember);
        var moved = new List<int>();
        await using (var host = await ChildHost.StartAsync(repo, directory, cancellationToken))
        {
            using var channel = host.NewChannel();
            await GrpcSeeding.SeedRosterAsync(channel, roster, cancellationToken);
            await GrpcSeeding.RecordAsync(channel, facts, "documents", cancellationToken);
            var workflow = new WorkflowService.WorkflowServiceClient(channel);
            await workflow.OpenYearAsync(new OpenYearRequest { Year = Year, Actor = "bench" }, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
            // OpenYear places the cycles where today's date falls in the default calendar: the phases already behind
            // them move nothing. Only the last (publicity) must leave every cycle in the same state.
            foreach (var (state, subState) in Phases)
            {
                var reply = await workflow.AdvancePhaseAsync(
                    new AdvancePhaseRequest { Year = Year, TargetState = state, TargetSubState = subState, Actor = "bench" },
                    deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
                moved.Add(reply.MovedCount);
                if (state == Phases[^1].State && reply.MovedCount != roster.Members.Count && reply.MovedCount != 0)
                {
                    var reason = reply.Results.FirstOrDefault(r => !r.Moved && r.Reason.Length > 0)?.Reason ?? "(none given)";
                    throw new InvalidOperationException($"AdvancePhase to {state} moved {reply.MovedCount} of {roster.Members.Count}; first reason: {reason}");
                }
            }
        }

        Report.Line($"seeded over gRPC in {Report.Seconds(seeding.Elapsed.TotalSeconds)} s: {roster.Branches.Count} branches, {Report.Count(roster.Members.Count)} members, " +
                    $"{Report.Count(facts.Length)} facts, OpenYear({Year}), cycles advanced to publicity (moved per phase: {string.Join(", ", moved)}; commitments and declarations missing)");
        return directory;
    }

    private static async Task OursAsync(ChildHost host, HttpClient http, Document document, Measured measured, CancellationToken cancellationToken)
    {
        var sink = new CountingStream();
        var cpu = host.ProcessorTime;
        using var memory = ChildMemory.Start(host.ProcessId);
        var start = Stopwatch.GetTimestamp();
        var bytes = await DownloadAsync(http, document.Path, sink, cancellationToken);
        measured.Ours.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        var (peak, sampled) = memory.Stop();
        measured.HostCpu.Add((host.ProcessorTime - cpu).TotalMilliseconds);
        measured.HostPeak.Add(peak);
        measured.HostSampled.Add(sampled);
        measured.PeakReset &= memory.PeakReset;
        measured.Bytes = bytes;
    }

    /// <summary>The same cells written again by the library alone, from the lists in memory, to a sink that only counts.</summary>
    private static void Baseline(List<Entry> entries, bool zip, Measured measured)
    {
        var sink = new CountingStream();
        MemorySampler.TryResetPeakWorkingSet();
        var sampler = MemorySampler.Start();
        var cpu = CpuTime.OfThisProcess();
        var start = Stopwatch.GetTimestamp();
        if (zip)
        {
            using var archive = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in entries)
            {
                using var stream = archive.CreateEntry(entry.Path, CompressionLevel.NoCompression).Open();
                Write(entry, stream);
            }
        }
        else
        {
            Write(entries[0], sink);
        }

        measured.Library.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        measured.LibraryCpu.Add((CpuTime.OfThisProcess() - cpu).TotalMilliseconds);
        var peaks = sampler.Stop();
        measured.HarnessPeak.Add(Math.Max(MemorySampler.PeakWorkingSet(), peaks.WorkingSet));
        measured.HarnessHeap.Add(peaks.ManagedHeap);
        measured.LibraryBytes = sink.Bytes;
    }

    private static void Write(Entry entry, Stream output)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in entry.Sheets)
        {
            sheets.Add(sheet.Name, sheet.Rows);
        }

        output.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: Library);
    }

    private static async Task<long> DownloadAsync(HttpClient http, string path, Stream sink, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var counter = sink as CountingStream ?? new CountingStream(sink);
        await body.CopyToAsync(counter, 64 * 1024, cancellationToken);
        return counter.Bytes;
    }

    /// <summary>Every sheet's rows of the downloaded workbook, or of each workbook in the downloaded zip, as MiniExcel reads them.</summary>
    private static List<Entry> Read(string file, bool zip)
    {
        if (!zip)
        {
            using var stream = File.OpenRead(file);
            return [ReadWorkbook(Path.GetFileName(file), stream)];
        }

        using var archive = ZipFile.OpenRead(file);
        var entries = new List<Entry>();
        foreach (var entry in archive.Entries)
        {
            using var buffer = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(buffer);
            }

            buffer.Position = 0;
            entries.Add(ReadWorkbook(entry.FullName, buffer));
        }

        return entries;
    }

    private static Entry ReadWorkbook(string path, Stream stream)
    {
        var sheets = new List<Sheet>();
        foreach (var name in stream.GetSheetNames())
        {
            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX)
                .Select(row => (IDictionary<string, object?>)new Dictionary<string, object?>((IDictionary<string, object?>)row))
                .ToList();
            sheets.Add(new Sheet(name, rows));
            stream.Position = 0;
        }

        return new Entry(path, sheets);
    }

    private sealed record Document(string Name, string Path, bool Zip);

    private sealed record Entry(string Path, List<Sheet> Sheets);

    private sealed record Sheet(string Name, List<IDictionary<string, object?>> Rows);

    private sealed class Measured
    {
        public List<double> Ours { get; } = [];

        public List<double> HostCpu { get; } = [];

        public List<long> HostPeak { get; } = [];

        public List<long> HostSampled { get; } = [];

        public List<double> Library { get; } = [];

        public List<double> LibraryCpu { get; } = [];

        public List<long> HarnessPeak { get; } = [];

        public List<long> HarnessHeap { get; } = [];

        public bool PeakReset { get; set; } = true;

        public long Bytes { get; set; }

        public long LibraryBytes { get; set; }
    }

    /// <summary>A write-only, forward-only stream that counts what passes and hands it on (or drops it).</summary>
    private sealed class CountingStream(Stream? inner = null) : Stream
    {
        public long Bytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner?.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Bytes += count;
            inner?.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            inner?.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            if (inner is not null)
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
