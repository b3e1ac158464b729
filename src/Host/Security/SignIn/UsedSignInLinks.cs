using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// The links already used, by id: a link signs in once, also across restarts and across instances sharing the database.
/// Rows are kept until their link would have expired anyway, and a little after.
/// </summary>
internal sealed class UsedSignInLinks(SqliteDatabase database) : IModuleDatabase
{
    private const string Create =
        "CREATE TABLE IF NOT EXISTS host_sign_in_links (Id TEXT NOT NULL PRIMARY KEY, Subject TEXT NOT NULL, " +
        "UsedAtUtcTicks INTEGER NOT NULL, ExpiresAtUtcTicks INTEGER NOT NULL)";

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
        forget.CommandText = "DELETE FROM host_sign_in_links WHERE ExpiresAtUtcTicks < $before";
        forget.Parameters.AddWithValue("$before", now.AddDays(-1).UtcTicks);
        await forget.ExecuteNonQueryAsync(cancellationToken);
        await using var use = connection.CreateCommand();
        use.CommandText = "INSERT INTO host_sign_in_links (Id, Subject, UsedAtUtcTicks, ExpiresAtUtcTicks) VALUES ($id, $subject, $now, $expires) ON CONFLICT (Id) DO NOTHING";
        use.Parameters.AddWithValue("$id", id);
        use.Parameters.AddWithValue("$subject", subject);
        use.Parameters.AddWithValue("$now", now.UtcTicks);
        use.Parameters.AddWithValue("$expires", expiresAt.UtcTicks);
        var inserted = await use.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }
}
