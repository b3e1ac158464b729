using Microsoft.AspNetCore.WebUtilities;

namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>
/// Writes a document through a buffer that holds a little in memory and the rest in a temporary file, then copies
/// it out asynchronously: the workbook library's zip writer writes synchronously, which a response stream refuses
/// and a gRPC stream would block a thread on, and a college's document must not sit in memory.
/// </summary>
internal static class DocumentBuffer
{
    private const int MemoryThreshold = 256 * 1024;

    public static async Task CopyAsync(DocumentFile file, Stream output, CancellationToken cancellationToken)
    {
        await using var buffer = new FileBufferingWriteStream(MemoryThreshold);
        await file.WriteAsync(buffer, cancellationToken);
        await buffer.DrainBufferAsync(output, cancellationToken);
    }
}
