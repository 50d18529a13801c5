namespace Tollgate.Security.Sbom;

/// <summary>
/// A forward-only view of the archive the Docker Engine API streams, safe for <see cref="System.Formats.Tar.TarReader"/>.
/// Why it exists: the engine client's chunked-transfer stream treats a zero-length read in the middle of a chunk as
/// the end of the response and throws "Attempted to read past the end of the stream" (and a zero-length read at a
/// chunk boundary would end the body early). TarReader issues such reads when an entry's data ends on a boundary, so
/// reading a real image's filesystem failed. This view answers empty reads itself and reads the body in large blocks,
/// so the client never sees an empty read or a tiny one.
/// </summary>
internal sealed class EngineArchiveStream(Stream inner, int blockSize = EngineArchiveStream.DefaultBlockSize) : Stream
{
    /// <summary>Bytes asked of the engine per read.</summary>
    public const int DefaultBlockSize = 1 << 16;

    private readonly byte[] _block = new byte[blockSize];
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>Bytes read from the engine so far.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) =>
        ReadAsync(buffer.Length).AsTask().GetAwaiter().GetResult() == 0 ? 0 : CopyTo(buffer);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        await ReadAsync(buffer.Length, cancellationToken).ConfigureAwait(false) == 0 ? 0 : CopyTo(buffer.Span);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes buffered bytes available (reading a block when none are); 0 when the caller asked for none or the body ended.</summary>
    private async ValueTask<int> ReadAsync(int wanted, CancellationToken cancellationToken = default)
    {
        if (wanted == 0)
        {
            return 0;
        }

        if (_start == _end && !_ended)
        {
            _start = 0;
            _end = await inner.ReadAsync(_block.AsMemory(), cancellationToken).ConfigureAwait(false);
            _ended = _end == 0;
            BytesRead += _end;
        }

        return _end - _start;
    }

    private int CopyTo(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _block.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }
}
