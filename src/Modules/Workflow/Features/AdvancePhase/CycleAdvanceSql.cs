using System.Data.Common;
using System.Globalization;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

/// <summary>
/// The advance's reads and writes as set-based SQL over the columns the EF model maps: thousands of
/// cycles move with a handful of statements rather than a tracked entity and an UPDATE each.
/// </summary>
/// <remarks>
/// One of the two paths that write cycles; the other is <c>CycleStepRunner</c> (one member, through the entity).
/// This one does not bypass the machine: it reads each cycle's <see cref="CycleShape"/>, and <see cref="AdvancePlan"/>
/// lets a stand-in cycle of that shape take the step through its own machine; only the columns the shape holds
/// (and Version, and the transition log) are written, as the stand-in left them. Why two paths, and the test that
/// holds them to the same result column by column (<c>AdvancePlanTests</c>): docs/adr/0014-workflow-slices.md,
/// "Two write paths". A column a phase close starts to change must join <see cref="CycleShape"/>, or that test fails.
/// </remarks>
internal static class CycleAdvanceSql
{
    // Objections are open only during publicity: other cycles skip the lookup. On PostgreSQL the cycles read are
    // locked until the commit, so a member's own step waits for the advance and then finds the version moved on.
    private static string Select(WorkflowDbContext db) =>
        "SELECT c.\"Id\", c.\"StaffNumber\", c.\"Status\", c.\"CommitmentMissing\", c.\"FirstHalfDeclaredAtUtcTicks\" IS NOT NULL, c.\"FirstHalfDeclarationMissing\", " +
        "c.\"SecondHalfDeclaredAtUtcTicks\" IS NOT NULL, c.\"SecondHalfDeclarationMissing\", c.\"PublicityStartedAtUtcTicks\", c.\"PublicityDays\", " +
        $"CASE WHEN c.\"Status\" = 'Publicity' THEN EXISTS (SELECT 1 FROM {db.Table<Objection>()} o WHERE o.\"CycleId\" = c.\"Id\" AND o.\"Status\" = 'Open') ELSE FALSE END " +
        $"FROM {db.Table<Cycle>()} c WHERE c.\"Year\" = @year";

    private static string Update(WorkflowDbContext db) =>
        $"UPDATE {db.Table<Cycle>()} SET \"Status\" = @status, \"CommitmentMissing\" = @commitmentMissing, \"FirstHalfDeclarationMissing\" = @firstMissing, " +
        "\"SecondHalfDeclarationMissing\" = @secondMissing, \"PublicityStartedAtUtcTicks\" = @publicityStarted, \"Version\" = \"Version\" + 1 " +
        (db.Database.IsNpgsql() ? "WHERE \"Id\" = ANY (@ids)" : "WHERE \"Id\" IN (SELECT value FROM json_each(@ids))");

    private static string Log(WorkflowDbContext db) =>
        $"INSERT INTO {db.Table<CycleTransition>()} (\"CycleId\", \"AtUtcTicks\", \"Actor\", \"Trigger\", \"From\", \"To\", \"Note\") " +
        "SELECT " + (db.Database.IsNpgsql() ? "id" : "value") + ", @at, @actor, @trigger, @from, @to, @note FROM " +
        (db.Database.IsNpgsql() ? "unnest(@ids) AS ids(id)" : "json_each(@ids)");

    /// <summary>Status names as the EF model stores them.</summary>
    private static readonly Dictionary<string, CycleStatus> Statuses = Enum.GetValues<CycleStatus>().ToDictionary(s => s.ToString(), StringComparer.Ordinal);

    public static async Task<List<CycleRow>> ReadAsync(WorkflowDbContext db, DbTransaction transaction, int year, string? branchCode, CancellationToken cancellationToken)
    {
        await using var select = transaction.Connection!.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = Select(db) + (branchCode is null ? string.Empty : " AND c.\"BranchCode\" = @branch") + " ORDER BY c.\"StaffNumber\"" +
                             (db.Database.IsNpgsql() ? " FOR UPDATE OF c" : string.Empty);
        select.With("@year", year);
        if (branchCode is not null)
        {
            select.With("@branch", branchCode);
        }

        var rows = new List<CycleRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CycleRow(
                reader.GetInt64(0),
                reader.GetString(1),
                new CycleShape(
                    StatusNamed(reader.GetString(2)),
                    reader.GetBoolean(3),
                    reader.GetBoolean(4),
                    reader.GetBoolean(5),
                    reader.GetBoolean(6),
                    reader.GetBoolean(7),
                    reader.IsDBNull(8) ? null : reader.GetInt64(8),
                    reader.GetInt32(9),
                    reader.GetBoolean(10))));
        }

        return rows;
    }

    /// <summary>Moves one group and logs its transition for each cycle of it.</summary>
    public static async Task WriteAsync(WorkflowDbContext db, DbTransaction transaction, AdvanceGroup group, CancellationToken cancellationToken)
    {
        object ids = db.Database.IsNpgsql() ? group.CycleIds.ToArray() : Json(group.CycleIds);
        await using var update = transaction.Connection!.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = Update(db);
        update.With("@status", group.After.Status.ToString());
        update.With("@commitmentMissing", group.After.CommitmentMissing);
        update.With("@firstMissing", group.After.FirstHalfDeclarationMissing);
        update.With("@secondMissing", group.After.SecondHalfDeclarationMissing);
        update.With("@publicityStarted", group.After.PublicityStartedAtUtcTicks);
        update.With("@ids", ids);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken);
        if (changed != group.CycleIds.Count)
        {
            // Read and write share one transaction that excludes other writers of these cycles, so nothing can remove one in between.
            throw new InvalidOperationException($"moved {changed} cycles of {group.CycleIds.Count} read in the same transaction");
        }

        await using var log = transaction.Connection!.CreateCommand();
        log.Transaction = transaction;
        log.CommandText = Log(db);
        var transition = group.Transition;
        log.With("@at", transition.AtUtcTicks);
        log.With("@actor", transition.Actor);
        log.With("@trigger", transition.Trigger.ToString());
        log.With("@from", transition.From.ToString());
        log.With("@to", transition.To.ToString());
        log.With("@note", transition.Note);
        log.With("@ids", ids);
        await log.ExecuteNonQueryAsync(cancellationToken);
    }

    private static CycleStatus StatusNamed(string name) =>
        Statuses.TryGetValue(name, out var status) ? status : throw new InvalidOperationException($"unknown cycle status '{name}' in {WorkflowDbContext.CyclesTable}");

    private static string Json(IReadOnlyList<long> ids)
    {
        var json = new StringBuilder(ids.Count * 8).Append('[');
        for (var i = 0; i < ids.Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(ids[i].ToString(CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }

}
