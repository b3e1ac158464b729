using Chuangji.Documents.V1;
using Google.Protobuf;

namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>
/// A write-only stream that sends what is written as <see cref="DocumentChunk"/>s of at most
/// <see cref="ChunkSize"/> bytes, the first naming the file; at least one chunk goes out, even for an empty file.
/// </summary>
internal sealed class ChunkStream(DocumentFile file, Func<DocumentChunk, Task> send) : Stream
{
    public const int ChunkSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[ChunkSize];
    private int _filled;
    private bool _sentFirst;
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("write asynchronously: every chunk is a message on the call");

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer.Span[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            _written += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize)
            {
                await SendAsync();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Sends what is left; call once the document is written.</summary>
    public async Task CompleteAsync()
    {
        if (_filled > 0 || !_sentFirst)
        {
            await SendAsync();
        }
    }

    public override void Flush()
    {
        // Chunks go out when full and at completion: a flush mid-file must not send a short chunk.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendAsync()
    {
        var chunk = new DocumentChunk { Data = ByteString.CopyFrom(_buffer, 0, _filled) };
        if (!_sentFirst)
        {
            chunk.MediaType = file.MediaType;
            chunk.FileName = file.FileName;
            _sentFirst = true;
        }

        _filled = 0;
        await send(chunk);
    }
}
