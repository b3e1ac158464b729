using System.Data.Common;
using System.Reflection;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// A first start on SQLite runs each module's embedded script instead of EF's migrator: the script must be what EF
/// generates from the migrations now, and running it must leave the file as the migrator leaves it.
/// </summary>
public sealed class FirstStartScriptTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("chuangji-first-start-").FullName;

    public static TheoryData<string> Modules() => new(SqliteContexts().Select(c => c.Module));

    [Theory]
    [MemberData(nameof(Modules))]
    public void TheModulesScript_IsWhatEfGeneratesFromItsMigrations(string module)
    {
        var (context, _) = SqliteContexts().Single(c => c.Module == module);
        using var db = NewContext(context, module, Path.Combine(_directory, "generated.db"));

        var generated = db.GetService<IMigrator>().GenerateScript();

        var embedded = FirstStartScript.Of(context.Assembly);
        embedded.Should().NotBeNull($"the {module} module embeds its {FirstStartScript.ResourceName}");
        Normalized(embedded!).Should().Be(Normalized(generated),
            $"the script must follow the migrations: dotnet ef migrations script -p src/Modules/{module} -s src/Modules/{module} " +
            $"--context {context.Name} -o src/Modules/{module}/Persistence/Migrations/{FirstStartScript.ResourceName}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task TheScript_LeavesTheFileAsTheMigratorLeavesIt(string module)
    {
        var (context, _) = SqliteContexts().Single(c => c.Module == module);
        var byMigrator = Path.Combine(_directory, "migrated.db");
        var byScript = Path.Combine(_directory, "scripted.db");
        await using (var db = NewContext(context, module, byMigrator))
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = Open(byScript))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = FirstStartScript.Of(context.Assembly);
            await command.ExecuteNonQueryAsync();
        }

        var migrated = await SchemaAsync(byMigrator);
        migrated.Should().Contain(row => row.Contains(ModuleDbContextRegistration.MigrationsHistoryTable(module)), "the migrator made the module's history");
        (await SchemaAsync(byScript)).Should().Equal(migrated);
        (await HistoryAsync(byScript, module)).Should().Equal(await HistoryAsync(byMigrator, module)).And.NotBeEmpty();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Each module's SQLite context and its module's name (the history table's suffix).</summary>
    private static IEnumerable<(Type Context, string Module)> SqliteContexts() =>
        typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith("Chuangji.Workflow.Modules.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DbContext)) && t.Name.StartsWith("Sqlite", StringComparison.Ordinal))
            .Select(t => (t, (string)t.BaseType!.GetField("Module")!.GetValue(null)!))
            .OrderBy(c => c.Item2, StringComparer.Ordinal);

    private static DbContext NewContext(Type context, string module, string file)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        options.UseModuleSqlite(ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = file }.ToString()), module);
        return (DbContext)Activator.CreateInstance(context, options.Options)!;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Every table and index but the migrator's own lock table, which it makes (and leaves) whenever it runs.</summary>
    private static async Task<List<string>> SchemaAsync(string file) =>
        await ReadAsync(file, "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') FROM sqlite_master " +
                              "WHERE tbl_name <> '__EFMigrationsLock' ORDER BY type, name");

    private static async Task<List<string>> HistoryAsync(string file, string module) =>
        await ReadAsync(file, $"SELECT \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"{ModuleDbContextRegistration.MigrationsHistoryTable(module)}\" ORDER BY 1");

    private static async Task<List<string>> ReadAsync(string file, string sql)
    {
        await using var connection = Open(file);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static string Normalized(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
