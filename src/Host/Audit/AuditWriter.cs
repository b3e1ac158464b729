using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Host.Audit;

/// <summary>Writes the record of a call that committed no change of its own: refused, failed, or changing nothing.</summary>
internal sealed class AuditWriter(ServiceDatabase database)
{
    public async Task WriteAsync(AuditEntry entry, string outcome, string detail)
    {
        if (!entry.TryClaim())
        {
            return;
        }

        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await AuditSql.WriteAsync(connection, null, entry, outcome, detail, CancellationToken.None);
        }
        catch
        {
            entry.Release();
            throw;
        }
    }
}
