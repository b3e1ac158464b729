using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

public static class SqliteErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>A concurrent request inserted the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 };
}
