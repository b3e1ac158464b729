using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

internal sealed class ModuleDatabase<TContext>(IServiceScopeFactory scopes, string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module { get; } = module;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ServiceDatabase>();
        if (!database.IsPostgreSql && FirstStartScript.Of(typeof(TContext).Assembly) is { } script && await IsNewAsync(database, cancellationToken))
        {
            await RunAsync(database, script, cancellationToken);
            return;
        }

        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        // A new database has no history table yet: looking for it (as EF does on PostgreSQL, by reading it) would be a
        // failed command, logged as an error, on every first start. It is made first if missing (IF NOT EXISTS).
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        // MigrateAsync on an up-to-date file still builds the model snapshot and diffs it against the model
        // (its pending-model-changes check), most of a start's time; only the history table decides what to apply.
        // That check is the suite's job now: ModelMigrationsTests fails on a model change without a migration.
        if (!(await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>No history table of the module's: nothing of it was ever migrated into this file.</summary>
    private async Task<bool> IsNewAsync(ServiceDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @history";
        command.With("@history", ModuleDbContextRegistration.MigrationsHistoryTable(Module));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>Each migration in the script commits with its history row, as the migrator does; an interrupted script is finished by the migrator next time.</summary>
    private static async Task RunAsync(ServiceDatabase database, string script, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = script;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
