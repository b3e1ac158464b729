namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>Where the service keeps its data: one embedded file, or a server that several instances share.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
