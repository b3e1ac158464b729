using System.Data.Common;

namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>The audit trail's table, written with whatever connection and transaction carry the change.</summary>
public static class AuditSql
{
    public const string Table = "audit_records";

    public const string Create =
        "CREATE TABLE IF NOT EXISTS " + Table + " (" +
        "Id INTEGER PRIMARY KEY AUTOINCREMENT, AtUtcTicks INTEGER NOT NULL, Subject TEXT NOT NULL, Role TEXT NOT NULL, Rpc TEXT NOT NULL, " +
        "Target TEXT NOT NULL, StaffNumber TEXT NOT NULL, BranchCode TEXT NOT NULL, RequestId TEXT NOT NULL, Outcome TEXT NOT NULL, Detail TEXT NOT NULL);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_StaffNumber ON " + Table + " (StaffNumber, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_BranchCode ON " + Table + " (BranchCode, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_Subject ON " + Table + " (Subject, Id);" +
        "CREATE INDEX IF NOT EXISTS IX_audit_records_AtUtcTicks ON " + Table + " (AtUtcTicks);";

    public const string Ok = "OK";

    private const int MaxDetail = 500;

    private const string Insert =
        "INSERT INTO " + Table + " (AtUtcTicks, Subject, Role, Rpc, Target, StaffNumber, BranchCode, RequestId, Outcome, Detail) " +
        "VALUES ($at, $subject, $role, $rpc, $target, $staff, $branch, $request, $outcome, $detail)";

    public static void Write(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail)
    {
        using var command = Command(connection, transaction, entry, outcome, detail);
        command.ExecuteNonQuery();
    }

    public static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, entry, outcome, detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, AuditEntry entry, string outcome, string detail)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        Add(command, "$at", entry.AtUtcTicks);
        Add(command, "$subject", entry.Subject);
        Add(command, "$role", entry.Role);
        Add(command, "$rpc", entry.Rpc);
        Add(command, "$target", entry.Target);
        Add(command, "$staff", entry.StaffNumber);
        Add(command, "$branch", entry.BranchCode);
        Add(command, "$request", entry.RequestId);
        Add(command, "$outcome", outcome);
        Add(command, "$detail", detail.Length > MaxDetail ? detail[..MaxDetail] : detail);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
