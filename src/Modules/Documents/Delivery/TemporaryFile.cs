namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>
/// Where a document is written before it is sent: a file of its own that deletes itself when closed, so a large
/// document never sits in memory and a forward-only output (an HTTP response, a gRPC stream) is written asynchronously.
/// </summary>
internal static class TemporaryFile
{
    public static FileStream Open() =>
        new(Path.Combine(Path.GetTempPath(), $"chuangji-document-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
