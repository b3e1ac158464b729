using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// The host migrates a module only when its history lacks a migration, so EF's start-up check for a model that
/// differs from the last migration's snapshot never runs on an up-to-date file: this test is that check, on each
/// context as `dotnet ef migrations add` builds it, for SQLite's migrations and for PostgreSQL's.
/// </summary>
public sealed class ModelMigrationsTests
{
    [Fact]
    public void EveryModuleContext_HasNoModelChangesWithoutAMigration()
    {
        var modules = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith("Chuangji.Workflow.Modules.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .ToList();
        var contexts = modules.Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DbContext))).ToList();
        var factories = modules
            .Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)).Select(i => (Factory: t, Context: i.GetGenericArguments()[0])))
            .ToDictionary(f => f.Context, f => f.Factory);
        contexts.Should().NotBeEmpty();
        contexts.Where(c => !factories.ContainsKey(c)).Should().BeEmpty("every module context needs a design-time factory for its migrations");
        contexts.GroupBy(c => c.BaseType!).Where(model => model.Count() != 2 || !model.Key.IsAbstract).Select(model => model.Key.Name)
            .Should().BeEmpty("each module's model is abstract, with a context per provider (SQLite's, PostgreSQL's) that its migrations are made for");

        var providers = new List<string>();
        var changed = contexts.Where(c =>
        {
            var factory = Activator.CreateInstance(factories[c])!;
            using var context = (DbContext)factories[c].GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!.Invoke(factory, [Array.Empty<string>()])!;
            providers.Add(context.Database.ProviderName!);
            return context.Database.HasPendingModelChanges();
        }).Select(c => c.Name).ToList();
        providers.Distinct().Should().BeEquivalentTo("Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL");
        changed.Should().BeEmpty("a change to a module's model needs a migration (dotnet ef migrations add)");
    }
}
