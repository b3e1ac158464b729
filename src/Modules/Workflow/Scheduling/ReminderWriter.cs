using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// Stores reminders, each at most once: the unique key (kind, recipient, deadline, days before) turns a
/// repeat into nothing, so a sweep interrupted halfway and run again adds only what is missing.
/// </summary>
/// <remarks>
/// The streams read reminders by id after a cursor, so ids must become visible in their order. SQLite's one writer
/// does that by itself; on PostgreSQL writers of reminders take turns (a transaction-scoped advisory lock, taken before
/// any id is drawn), and the commit notifies every instance's streams.
/// </remarks>
internal sealed class ReminderWriter(WorkflowDbContext db, ReminderSignal signal, ServiceMetrics metrics)
{
    /// <summary>The advisory lock of reminder writers on PostgreSQL: "reminder" in ASCII.</summary>
    private const long WritersTakeTurns = 0x72656D696E646572;

    private const string Notify = "NOTIFY " + ReminderNotifications.Channel;

    private string Insert =>
        $"INSERT INTO {db.Table<Reminder>()} (\"Year\", \"Kind\", \"Recipient\", \"RecipientKey\", \"StaffNumber\", \"BranchCode\", \"Deadline\", \"DaysBefore\", \"Message\", \"CreatedAtUtcTicks\", \"DeliveredBy\") " +
        "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, '') ON CONFLICT (\"Kind\", \"RecipientKey\", \"Deadline\", \"DaysBefore\") DO NOTHING";

    public async Task<int> WriteAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellationToken)
    {
        var added = 0;
        var postgreSql = db.Database.IsNpgsql();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (postgreSql)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [WritersTakeTurns], cancellationToken);
            }

            foreach (var r in reminders)
            {
                added += await db.Database.ExecuteSqlRawAsync(
                    Insert,
                    [r.Year, r.Kind.ToString(), r.Recipient.ToString(), r.RecipientKey, r.StaffNumber, r.BranchCode, r.Deadline, r.DaysBefore, r.Message, r.CreatedAtUtcTicks],
                    cancellationToken);
            }

            if (postgreSql && added > 0)
            {
                await db.Database.ExecuteSqlRawAsync(Notify, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (added > 0)
        {
            signal.Notify();
        }

        metrics.RemindersMade.Add(added);
        return added;
    }
}
