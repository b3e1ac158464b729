namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>A test of the SQLite file itself (its pragmas, moving it): skipped, saying so, when the suite runs on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.OnPostgreSql)
        {
            Skip = "a test of the embedded SQLite file; the suite runs on PostgreSQL";
        }
    }
}

/// <summary>A test of what only a PostgreSQL server has (several instances, a server going away): skipped on SQLite.</summary>
public sealed class PostgreSqlOnlyFactAttribute : FactAttribute
{
    public PostgreSqlOnlyFactAttribute()
    {
        if (!TestDatabase.OnPostgreSql)
        {
            Skip = $"a test of PostgreSQL; set {TestDatabase.ServerVariable} to run it";
        }
    }
}
