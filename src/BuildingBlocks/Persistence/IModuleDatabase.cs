namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>A module's own tables, brought up to date by the Host before the service reports SERVING.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}
