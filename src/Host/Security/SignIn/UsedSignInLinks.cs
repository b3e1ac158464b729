using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// The links already used, by id: a link signs in once, also across restarts and across instances sharing the database.
/// Rows are kept until their link would have expired anyway, and a little after.
/// </summary>
internal sealed class UsedSignInLinks(ServiceDatabase database) : IModuleDatabase
{
    /// <summary>The Host's own tables' schema on PostgreSQL.</summary>
    public const string Schema = "host";

    private readonly string _table = database.IsPostgreSql ? $"{Schema}.host_sign_in_links" : "host_sign_in_links";

    private string Create =>
        (database.IsPostgreSql ? $"CREATE SCHEMA IF NOT EXISTS {Schema};" : string.Empty) +
        $"CREATE TABLE IF NOT EXISTS {_table} (Id TEXT NOT NULL PRIMARY KEY, Subject TEXT NOT NULL, " +
        "UsedAtUtcTicks BIGINT NOT NULL, ExpiresAtUtcTicks BIGINT NOT NULL)";

    public string Module => "SignIn";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks the link used; false when it had been used already. Forgets links that expired a day ago or more.</summary>
    public async Task<bool> TryUseAsync(string id, string subject, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var forget = connection.CreateCommand();
        forget.Transaction = transaction;
        forget.CommandText = $"DELETE FROM {_table} WHERE ExpiresAtUtcTicks < @before";
        forget.With("@before", now.AddDays(-1).UtcTicks);
        await forget.ExecuteNonQueryAsync(cancellationToken);
        await using var use = connection.CreateCommand();
        use.Transaction = transaction;
        use.CommandText = $"INSERT INTO {_table} (Id, Subject, UsedAtUtcTicks, ExpiresAtUtcTicks) VALUES (@id, @subject, @now, @expires) ON CONFLICT (Id) DO NOTHING";
        use.With("@id", id);
        use.With("@subject", subject);
        use.With("@now", now.UtcTicks);
        use.With("@expires", expiresAt.UtcTicks);
        var inserted = await use.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }
}
