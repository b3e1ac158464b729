using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>What raw SQL beside a context needs to read the same on SQLite and PostgreSQL.</summary>
public static class DbContextSql
{
    /// <summary>The entity's table as the context's provider names it: quoted, and on PostgreSQL in the module's schema.</summary>
    public static string Table<TEntity>(this DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in {db.GetType().Name}'s model");
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>
    /// What a SELECT of rows the transaction goes on to change ends with: on PostgreSQL the rows are locked until the
    /// commit; on SQLite every transaction the service begins already excludes every other writer (BEGIN IMMEDIATE).
    /// </summary>
    public static string ForUpdate(this DbContext db) => db.Database.IsNpgsql() ? " FOR UPDATE" : string.Empty;
}
