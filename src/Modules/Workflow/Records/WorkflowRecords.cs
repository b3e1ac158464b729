using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.GetYear;
using Chuangji.Workflow.Modules.Workflow.Features.ListCheckReports;
using Chuangji.Workflow.Modules.Workflow.Features.ListOpinions;
using Chuangji.Workflow.Modules.Workflow.Grpc;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Records;

/// <summary>
/// The module's records as the documents read them (ADR 16): what GetYear, GetCycle, ListOpinions and
/// ListCheckReports answer, through the same handlers and mappings, read <see cref="PageSize"/> rows at a time and
/// streamed. A year not opened reads as nothing (no year, no cycles, no opinions), never as an error. The only write
/// is the roster sync every cycle read does first, which is housekeeping and carries no audit record.
/// </summary>
internal sealed class WorkflowRecords(
    WorkflowDbContext db,
    CycleStore store,
    CycleRoster roster,
    GetYearHandler getYear,
    ListOpinionsHandler listOpinions,
    ListCheckReportsHandler listCheckReports,
    IMembersModule members,
    CollegeClock clock) : IWorkflowRecords
{
    /// <summary>Rows per query: the largest page the list RPCs answer.</summary>
    internal const int PageSize = PageRequest.MaxSize;

    public async Task<Proto.Year?> YearAsync(int year, CancellationToken cancellationToken) =>
        await IsOpenAsync(year, cancellationToken) ? (await getYear.HandleAsync(year, cancellationToken)).ToProto() : null;

    public Task<bool> YearOpenedAsync(int year, CancellationToken cancellationToken) => IsOpenAsync(year, cancellationToken);

    /// <summary>
    /// The cycles as GetCycle loads and maps them (history, objections, every determination, the calendar's
    /// deadlines) less the permitted actions, after the roster sync ListCycles does, keyset-paged by staff number.
    /// </summary>
    public async IAsyncEnumerable<Proto.Cycle> CyclesAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireBranchCode(branchCode);
        if (!await IsOpenAsync(year, cancellationToken))
        {
            yield break;
        }

        var opened = await store.OpenYearAsync(year, cancellationToken);
        await roster.SyncAsync(opened, branchCode, cancellationToken);
        var now = clock.UtcNow;
        var calendar = opened.Calendar;
        string? after = null;
        while (true)
        {
            var cycles = PageAfter(year, branchCode, after);
            // A page, then its rows of each kind in one flat query apiece: EF Core's async split query with collection
            // includes makes a delegate per row (the college's dossier, which reads the cycles once per material, took
            // about a tenth longer that way).
            var page = await cycles.ToListAsync(cancellationToken);
            var ids = page.Select(c => c.Id).ToList();
            var history = (await db.Set<CycleTransition>().AsNoTracking().Where(t => ids.Contains(t.CycleId)).ToListAsync(cancellationToken)).ToLookup(t => t.CycleId);
            var objections = (await db.Set<Objection>().AsNoTracking().Where(o => ids.Contains(o.CycleId)).ToListAsync(cancellationToken)).ToLookup(o => o.CycleId);
            var determinations = (await db.Set<DeterminationRecord>().AsNoTracking().Where(d => ids.Contains(d.CycleId)).ToListAsync(cancellationToken)).ToLookup(d => d.CycleId);
            foreach (var cycle in page)
            {
                cycle.AttachLoadedRows(history[cycle.Id], objections[cycle.Id], determinations[cycle.Id]);
                cycle.AttachCalendar(calendar);
                yield return cycle.ToProto(now, withPermittedActions: false);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].StaffNumber;
        }
    }

    /// <summary>The cycles' standings after the same roster sync, keyset-paged by staff number, a page of rows in one query.</summary>
    public async IAsyncEnumerable<CycleStanding> StandingsAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireBranchCode(branchCode);
        if (!await IsOpenAsync(year, cancellationToken))
        {
            yield break;
        }

        await roster.SyncAsync(await store.OpenYearAsync(year, cancellationToken), branchCode, cancellationToken);
        string? after = null;
        while (true)
        {
            var cycles = PageAfter(year, branchCode, after);
            var page = await cycles
                .Select(c => new
                {
                    c.Id,
                    c.StaffNumber,
                    c.BranchCode,
                    c.Status,
                    Committed = c.Commitment != string.Empty,
                    c.CommitmentMissing,
                    FirstHalfDeclared = c.FirstHalfDeclaredAtUtcTicks != null,
                    c.FirstHalfDeclarationMissing,
                    SecondHalfDeclared = c.SecondHalfDeclaredAtUtcTicks != null,
                    c.SecondHalfDeclarationMissing,
                })
                .ToListAsync(cancellationToken);
            var ids = page.Select(c => c.Id).ToList();
            var inForce = (await db.Set<DeterminationRecord>().AsNoTracking()
                    .Where(d => ids.Contains(d.CycleId) && d.SupersededAtUtcTicks == null)
                    .Select(d => new { d.CycleId, d.Id, d.Rating, d.ScorecardSnapshotJson })
                    .ToListAsync(cancellationToken))
                .GroupBy(d => d.CycleId)
                .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!);
            foreach (var c in page)
            {
                var determination = inForce.GetValueOrDefault(c.Id);
                yield return new CycleStanding(
                    c.StaffNumber,
                    c.BranchCode,
                    CycleMapping.StateOf(c.Status).State,
                    c.Committed,
                    c.CommitmentMissing,
                    c.FirstHalfDeclared,
                    c.FirstHalfDeclarationMissing,
                    c.SecondHalfDeclared,
                    c.SecondHalfDeclarationMissing,
                    determination is null ? Proto.Rating.Unspecified : (Proto.Rating)(int)determination.Rating,
                    determination?.ScorecardSnapshotJson ?? string.Empty);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].StaffNumber;
        }
    }

    /// <summary>
    /// The cycle as GetCycle answers it (made on first sight for an active member); null for a year not opened, a
    /// member unknown, or one who left before having a cycle.
    /// </summary>
    public async Task<Proto.Cycle?> CycleAsync(int year, string staffNumber, CancellationToken cancellationToken)
    {
        if (!await IsOpenAsync(year, cancellationToken))
        {
            return null;
        }

        try
        {
            return (await store.CycleAsync(year, staffNumber, cancellationToken)).ToProto(clock.UtcNow);
        }
        catch (Exception exception) when (exception is NotFoundException or FailedPreconditionException)
        {
            return null;
        }
    }

    /// <summary>
    /// ListOpinions' pages of a branch; every branch when null, branch by branch (by code), each oldest first.
    /// </summary>
    public async IAsyncEnumerable<Proto.Opinion> OpinionsAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireBranchCode(branchCode);
        if (!await IsOpenAsync(year, cancellationToken))
        {
            yield break;
        }

        var branches = branchCode is not null
            ? [branchCode]
            : (await members.ListBranchesAsync(cancellationToken)).Select(b => b.Code).ToList();
        foreach (var branch in branches)
        {
            var token = string.Empty;
            do
            {
                var page = await listOpinions.HandleAsync(year, string.Empty, branch, PageSize, token, cancellationToken);
                foreach (var opinion in page.Opinions)
                {
                    yield return opinion.ToProto();
                }

                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }
    }

    /// <summary>ListCheckReports' pages, each with its member findings as GetCheckReport answers them.</summary>
    public async IAsyncEnumerable<Proto.CheckReport> CheckReportsAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequireBranchCode(branchCode);
        var token = string.Empty;
        do
        {
            var page = await listCheckReports.HandleAsync(year, 0, branchCode ?? string.Empty, PageSize, token, cancellationToken);
            foreach (var report in page.Reports)
            {
                yield return report.ToProto(withFindings: true);
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
    }

    /// <summary>The year's next page of cycles (a branch's, or every branch's) after a staff number, by staff number.</summary>
    private IQueryable<Cycle> PageAfter(int year, string? branchCode, string? after)
    {
        var cycles = db.Cycles.AsNoTracking().Where(c => c.Year == year);
        if (branchCode is not null)
        {
            cycles = cycles.Where(c => c.BranchCode == branchCode);
        }

        if (after is not null)
        {
            cycles = cycles.Where(c => string.Compare(c.StaffNumber, after) > 0);
        }

        return cycles.OrderBy(c => c.StaffNumber).Take(PageSize);
    }

    private Task<bool> IsOpenAsync(int year, CancellationToken cancellationToken) =>
        db.Years.AsNoTracking().AnyAsync(y => y.Year == year, cancellationToken);

    private static void RequireBranchCode(string? branchCode)
    {
        if (branchCode is not null)
        {
            var violations = new Violations();
            Identifier.Required(violations, "branch_code", branchCode);
            violations.ThrowIfAny();
        }
    }
}
