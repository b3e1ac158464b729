namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for the tests that compare generated docs with docs/.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Chuangji.Workflow.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Chuangji.Workflow.sln) is not above the test binaries");
    }
}
