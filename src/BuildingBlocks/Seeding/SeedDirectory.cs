namespace Chuangji.Workflow.BuildingBlocks.Seeding;

/// <summary>Where the data of seeds/ ships: beside the service's binaries unless configured elsewhere.</summary>
public sealed class SeedDirectory(string path)
{
    public string Path { get; } = path;

    public string FileNamed(string name) => System.IO.Path.Combine(Path, name);
}
