using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// The audit trail's table, written with whatever connection and transaction carry the change. A record of a
/// call about several members has a row per member in <see cref="MembersTable"/>, written with it.
/// </summary>
public static class AuditSql
{
    public const string Table = "audit_records";

    public const string MembersTable = "audit_record_members";

    public const string Create =
        "CREATE TABLE IF NOT EXISTS " + Table + " (" +
        "Id INTEGER PRIMARY KEY AUTOINCREMENT, AtUtcTicks INTEGER NOT NULL, Subject TEXT NOT NULL, Role TEXT NOT NULL, Rpc TEXT NOT NULL, " +
        "Target TEXT NOT NULL, StaffNumber TEXT NOT NULL, BranchCode TEXT NOT NULL, RequestId TEXT NOT NULL, Outcome TEXT NOT NULL, Detail TEXT NOT NULL);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_StaffNumber ON " + Table + " (StaffNumber, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_BranchCode ON " + Table + " (BranchCode, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_Subject ON " + Table + " (Subject, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_AtUtcTicks ON " + Table + " (AtUtcTicks);" +
        "CREATE TABLE IF NOT EXISTS " + MembersTable + " (" +
        "RecordId INTEGER NOT NULL, StaffNumber TEXT NOT NULL, BranchCode TEXT NOT NULL, PRIMARY KEY (RecordId, StaffNumber)) WITHOUT ROWID;" +
        "CREATE INDEX IF NOT EXISTS IX_audit_record_members_StaffNumber ON " + MembersTable + " (StaffNumber, RecordId);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_record_members_BranchCode ON " + MembersTable + " (BranchCode, RecordId);";

    public const string Ok = "OK";

    /// <summary>Every column is bounded: a record is a few hundred bytes whatever the call carried.</summary>
    public const int MaxRequestId = 80;

    private const int MaxDetail = 500;
    private const int MaxName = 64;
    private const int MaxTarget = 300;

    private const string Insert =
        "INSERT INTO " + Table + " (AtUtcTicks, Subject, Role, Rpc, Target, StaffNumber, BranchCode, RequestId, Outcome, Detail) " +
        "VALUES ($at, $subject, $role, $rpc, $target, $staff, $branch, $request, $outcome, $detail)";

    private const string InsertMember =
        "INSERT INTO " + MembersTable + " (RecordId, StaffNumber, BranchCode) VALUES ($record, $staff, $branch)";

    public static void Write(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail)
    {
        using var command = Command(connection, transaction, entry, outcome, detail);
        if (entry.Members.Count == 0)
        {
            command.ExecuteNonQuery();
            return;
        }

        var recordId = (long)command.ExecuteScalar()!;
        using var member = MemberCommand(connection, transaction, recordId);
        foreach (var one in entry.Members)
        {
            (member.Parameters[1].Value, member.Parameters[2].Value) = (one.StaffNumber, one.BranchCode);
            member.ExecuteNonQuery();
        }
    }

    public static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, entry, outcome, detail);
        if (entry.Members.Count == 0)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var recordId = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await using var member = MemberCommand(connection, transaction, recordId);
        foreach (var one in entry.Members)
        {
            (member.Parameters[1].Value, member.Parameters[2].Value) = (one.StaffNumber, one.BranchCode);
            await member.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = entry.Members.Count == 0 ? Insert : Insert + " RETURNING Id";
        command.With("$at", entry.AtUtcTicks);
        command.With("$subject", Bounded(entry.Subject, MaxName));
        command.With("$role", Bounded(entry.Role, MaxName));
        command.With("$rpc", Bounded(entry.Rpc, MaxName * 2));
        command.With("$target", Bounded(entry.Target, MaxTarget));
        command.With("$staff", Bounded(entry.StaffNumber, MaxName));
        command.With("$branch", Bounded(entry.BranchCode, MaxName));
        command.With("$request", Bounded(entry.RequestId, MaxRequestId));
        command.With("$outcome", Bounded(outcome, MaxName));
        command.With("$detail", Bounded(detail, MaxDetail));
        return command;
    }

    /// <summary>The value, or its first characters marked as cut when it is longer than <paramref name="max"/>.</summary>
    private static string Bounded(string value, int max) => ErrorText.Clip(value, max - 1);

    private static DbCommand MemberCommand(DbConnection connection, DbTransaction? transaction, long recordId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertMember;
        command.With("$record", recordId);
        command.With("$staff", string.Empty);
        command.With("$branch", string.Empty);
        return command;
    }

}
