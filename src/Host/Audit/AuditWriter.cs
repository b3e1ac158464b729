using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Host.Audit;

/// <summary>Writes the record of a call that committed no change of its own: refused, failed, or changing nothing.</summary>
internal sealed class AuditWriter(SqliteDatabase database)
{
    public async Task WriteAsync(AuditEntry entry, string outcome, string detail)
    {
        if (!entry.TryClaim())
        {
            return;
        }

        try
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = FULL;";
                await pragma.ExecuteNonQueryAsync();
            }

            await AuditSql.WriteAsync(connection, null, entry, outcome, detail, CancellationToken.None);
        }
        catch
        {
            entry.Release();
            throw;
        }
    }
}
