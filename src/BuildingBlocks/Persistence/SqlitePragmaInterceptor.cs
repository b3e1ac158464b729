using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>
/// synchronous is a per-connection setting. FULL makes every acknowledged commit durable
/// against power loss, not just against a crash of the process (WAL with NORMAL is not).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
