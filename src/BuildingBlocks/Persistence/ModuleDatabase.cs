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
}
