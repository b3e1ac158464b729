using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Host.Audit;

/// <summary>The audit trail's table, created at start-up beside the modules' tables (it belongs to none of them).</summary>
internal sealed class AuditTable(ServiceDatabase database) : IModuleDatabase
{
    public string Module => "Audit";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AuditSql.Create(database);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
