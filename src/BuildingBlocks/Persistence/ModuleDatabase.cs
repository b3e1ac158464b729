using Microsoft.EntityFrameworkCore;
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
        await context.Database.MigrateAsync(cancellationToken);
    }
}
