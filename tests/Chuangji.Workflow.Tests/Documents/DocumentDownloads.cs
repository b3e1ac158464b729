using System.Net.Http.Headers;
using Chuangji.Documents.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>A document as a client receives it: over gRPC (chunks joined) or over HTTP.</summary>
public sealed record Download(string MediaType, string FileName, byte[] Bytes)
{
    public static async Task<Download> FromGrpcAsync<T>(AsyncServerStreamingCall<T> call, Func<T, DocumentChunk> chunkOf)
    {
        using var stream = new MemoryStream();
        string? mediaType = null;
        string? fileName = null;
        var chunks = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            var chunk = chunkOf(message);
            if (chunks++ == 0)
            {
                mediaType = chunk.MediaType;
                fileName = chunk.FileName;
            }
            else
            {
                chunk.MediaType.Should().BeEmpty("only the first chunk names the file");
            }

            chunk.Data.Length.Should().BeLessThanOrEqualTo(64 * 1024);
            chunk.Data.WriteTo(stream);
        }

        chunks.Should().BeGreaterThan(0, "a document is at least one chunk");
        return new Download(mediaType!, fileName!, stream.ToArray());
    }

    public static async Task<Download> FromHttpAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        response.IsSuccessStatusCode.Should().BeTrue("the document must be served, not {0}: {1}", response.StatusCode, System.Text.Encoding.UTF8.GetString(body));
        var disposition = response.Content.Headers.ContentDisposition ?? new ContentDispositionHeaderValue("attachment");
        return new Download(response.Content.Headers.ContentType?.MediaType ?? string.Empty, disposition.FileNameStar ?? disposition.FileName ?? string.Empty, body);
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
}
