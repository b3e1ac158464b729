using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>What a database error means for the caller, whichever provider raised it.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>A concurrent request inserted the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => IsUniqueViolation(exception.InnerException);

    public static bool IsUniqueViolation(Exception? exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 }
        || exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// The database cannot be reached now (the server down or restarting, a connection cut): the call may succeed when
    /// tried again, and the caller is told so (UNAVAILABLE) rather than blamed on the service.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException postgres)
            {
                // 08: connection exception; 57: operator intervention (shutdown, admin termination, cannot connect now).
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57", StringComparison.Ordinal);
            }

            if (inner is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database could not take the change now because of other transactions (SQLite busy past its timeout; a
    /// PostgreSQL serialization failure, deadlock or lock timeout): trying again later may succeed.
    /// </summary>
    public static bool IsContention(Exception exception) => IsLostConflict(exception) || IsBusy(exception);

    /// <summary>
    /// The transaction lost to a concurrent one and was rolled back (a PostgreSQL serialization failure or deadlock): a
    /// concurrency conflict, for the caller to read again and retry (ABORTED).
    /// </summary>
    public static bool IsLostConflict(Exception exception) => Unwrapped(exception) is PostgresException
    {
        SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
    };

    /// <summary>The database was busy with other transactions past the wait allowed (SQLite busy or locked, a PostgreSQL lock timeout).</summary>
    public static bool IsBusy(Exception exception) => Unwrapped(exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => true,
        _ => false,
    };

    private static Exception Unwrapped(Exception exception) => exception is DbUpdateException { InnerException: { } inner } ? inner : exception;
}
