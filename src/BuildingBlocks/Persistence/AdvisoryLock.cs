using System.Data.Common;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>
/// A PostgreSQL session-level advisory lock: what makes instances sharing a database take turns at something. It is held
/// on a session of its own outside the pool, so disposing it ends the session and releases the lock whatever happened
/// (a pooled connection would go back to the pool still holding it, and every other instance would wait for ever).
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly DbConnection _session;

    private AdvisoryLock(DbConnection session) => _session = session;

    /// <summary>Waits for the lock named by <paramref name="key"/> and holds it until disposed.</summary>
    public static async Task<AdvisoryLock> TakeAsync(ServiceDatabase database, long key, CancellationToken cancellationToken)
    {
        var session = await database.OpenUnpooledAsync(cancellationToken);
        try
        {
            await using var take = session.CreateCommand();
            take.CommandText = "SELECT pg_advisory_lock(@key)";
            take.With("@key", key);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(session);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>The session the lock is held on, for work that should run on it.</summary>
    public DbConnection Session => _session;

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
