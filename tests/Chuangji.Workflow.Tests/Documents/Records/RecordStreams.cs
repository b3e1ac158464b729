namespace Chuangji.Workflow.Tests.Documents.Records;

internal static class RecordStreams
{
    /// <summary>Reads a record stream to its end, as a document would, into a list to compare.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this IAsyncEnumerable<T> records)
    {
        var read = new List<T>();
        await foreach (var record in records)
        {
            read.Add(record);
        }

        return read;
    }
}
