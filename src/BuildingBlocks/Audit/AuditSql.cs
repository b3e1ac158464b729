using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Npgsql;

namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// The audit trail's table, written with whatever connection and transaction carry the change. A record of a
/// call about several members has a row per member in <see cref="MembersTable"/>, written with it.
/// </summary>
public static class AuditSql
{
    public const string Table = "audit_records";

    public const string MembersTable = "audit_record_members";

    /// <summary>The audit trail's schema on PostgreSQL (it belongs to no module).</summary>
    public const string Schema = "audit";

    public const string Ok = "OK";

    /// <summary>Every column is bounded: a record is a few hundred bytes whatever the call carried.</summary>
    public const int MaxRequestId = 80;

    private const int MaxDetail = 500;
    private const int MaxName = 64;
    private const int MaxTarget = 300;

    /// <summary>The tables as <paramref name="database"/> names them: on PostgreSQL in the audit schema.</summary>
    public static (string Records, string Members) Tables(ServiceDatabase database) =>
        database.IsPostgreSql ? ($"{Schema}.{Table}", $"{Schema}.{MembersTable}") : (Table, MembersTable);

    private static (string Records, string Members) Tables(DbConnection connection) =>
        connection is NpgsqlConnection ? ($"{Schema}.{Table}", $"{Schema}.{MembersTable}") : (Table, MembersTable);

    /// <summary>The tables and their indexes, created if missing; identifiers unquoted, so PostgreSQL keeps them in lower case.</summary>
    public static string Create(ServiceDatabase database)
    {
        var (records, members) = Tables(database);
        var (id, ticks, withoutRowId) = database.IsPostgreSql
            ? ("Id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT", string.Empty)
            : ("Id INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", " WITHOUT ROWID");
        return (database.IsPostgreSql ? $"CREATE SCHEMA IF NOT EXISTS {Schema};" : string.Empty) +
               $"CREATE TABLE IF NOT EXISTS {records} (" +
               $"{id}, AtUtcTicks {ticks} NOT NULL, Subject TEXT NOT NULL, Role TEXT NOT NULL, Rpc TEXT NOT NULL, " +
               "Target TEXT NOT NULL, StaffNumber TEXT NOT NULL, BranchCode TEXT NOT NULL, RequestId TEXT NOT NULL, Outcome TEXT NOT NULL, Detail TEXT NOT NULL);" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_records_StaffNumber ON {records} (StaffNumber, Id);" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_records_BranchCode ON {records} (BranchCode, Id);" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_records_Subject ON {records} (Subject, Id);" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_records_AtUtcTicks ON {records} (AtUtcTicks);" +
               $"CREATE TABLE IF NOT EXISTS {members} (" +
               $"RecordId {ticks} NOT NULL, StaffNumber TEXT NOT NULL, BranchCode TEXT NOT NULL, PRIMARY KEY (RecordId, StaffNumber)){withoutRowId};" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_record_members_StaffNumber ON {members} (StaffNumber, RecordId);" +
               $"CREATE INDEX IF NOT EXISTS IX_audit_record_members_BranchCode ON {members} (BranchCode, RecordId);";
    }

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
        command.CommandText =
            $"INSERT INTO {Tables(connection).Records} (AtUtcTicks, Subject, Role, Rpc, Target, StaffNumber, BranchCode, RequestId, Outcome, Detail) " +
            "VALUES (@at, @subject, @role, @rpc, @target, @staff, @branch, @request, @outcome, @detail)" +
            (entry.Members.Count == 0 ? string.Empty : " RETURNING Id");
        command.With("@at", entry.AtUtcTicks);
        command.With("@subject", Bounded(entry.Subject, MaxName));
        command.With("@role", Bounded(entry.Role, MaxName));
        command.With("@rpc", Bounded(entry.Rpc, MaxName * 2));
        command.With("@target", Bounded(entry.Target, MaxTarget));
        command.With("@staff", Bounded(entry.StaffNumber, MaxName));
        command.With("@branch", Bounded(entry.BranchCode, MaxName));
        command.With("@request", Bounded(entry.RequestId, MaxRequestId));
        command.With("@outcome", Bounded(outcome, MaxName));
        command.With("@detail", Bounded(detail, MaxDetail));
        return command;
    }

    /// <summary>
    /// The value, or its first characters marked as cut when it is longer than <paramref name="max"/>. A refused call's
    /// record keeps what it carried, U+0000 included, which PostgreSQL cannot store: it is kept as U+FFFD.
    /// </summary>
    private static string Bounded(string value, int max) => ErrorText.Clip(value.Replace('\0', '\uFFFD'), max - 1);

    private static DbCommand MemberCommand(DbConnection connection, DbTransaction? transaction, long recordId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Tables(connection).Members} (RecordId, StaffNumber, BranchCode) VALUES (@record, @staff, @branch)";
        command.With("@record", recordId);
        command.With("@staff", string.Empty);
        command.With("@branch", string.Empty);
        return command;
    }
}
