namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>The one embedded SQLite file that every module's context shares, each with its own tables.</summary>
public sealed class SqliteDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    internal SqlitePragmaInterceptor Pragmas { get; } = new();

    internal Audit.AuditCommitInterceptor Audit { get; } = new();

    internal Audit.AuditSaveInterceptor AuditSaves { get; } = new();
}
