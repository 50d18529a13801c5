using System.Formats.Tar;
using Tollgate.Security.Sbom;

namespace Tollgate.Security.Tests.Sbom;

/// <summary>
/// The engine client's chunked response stream throws on a zero-length read in the middle of a chunk. These tests
/// stand in for it with a stream that behaves the same way, so the guard is checked without a daemon.
/// </summary>
public sealed class EngineArchiveStreamTests
{
    [Fact]
    public async Task A_tar_that_breaks_on_empty_reads_is_read_whole_through_the_guard()
    {
        var tar = await TarAsync();

        var unguarded = async () => await ImageContents.ReadAsync(new RejectsEmptyReads(new MemoryStream(tar)), CancellationToken.None);
        var packages = await ImageContents.ReadAsync(new EngineArchiveStream(new RejectsEmptyReads(new MemoryStream(tar)), blockSize: 4096), CancellationToken.None);

        await unguarded.Should().ThrowAsync<EndOfStreamException>("the stand-in must fail as the engine client does, or the test proves nothing");
        packages.Select(p => $"{p.Ecosystem}:{p.Name}@{p.Version}").Should().BeEquivalentTo("NuGet:Lib@1.0.0", "Debian:bash@5.2");
    }

    [Fact]
    public void Synchronous_reads_see_the_same_bytes_and_empty_reads_return_nothing()
    {
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        using var stream = new EngineArchiveStream(new MemoryStream(bytes), blockSize: 333);
        using var copy = new MemoryStream();

        stream.Read([], 0, 0).Should().Be(0);
        stream.CopyTo(copy, 100);

        copy.ToArray().Should().Equal(bytes);
        stream.BytesRead.Should().Be(bytes.Length);
        stream.CanSeek.Should().BeFalse();
        stream.CanWrite.Should().BeFalse();
        stream.Invoking(s => s.Length).Should().Throw<NotSupportedException>();
        stream.Invoking(s => s.Seek(0, SeekOrigin.Begin)).Should().Throw<NotSupportedException>();
    }

    private static async Task<byte[]> TarAsync()
    {
        using var output = new MemoryStream();
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            // 512-byte multiples end exactly on a block, so TarReader asks for zero bytes of padding/data.
            await AddAsync(writer, "app/padding.bin", new string('x', 1024));
            await AddAsync(writer, "app/Lib.deps.json", """{"libraries":{"Lib/1.0.0":{"type":"package"},"App/1.0.0":{"type":"project"}}}""");
            await AddAsync(writer, "var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\nVersion: 5.2\n");
        }

        return output.ToArray();
    }

    private static async Task AddAsync(TarWriter writer, string name, string content) =>
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) });

    /// <summary>Like the engine client's chunked stream: an empty read is taken as a body that ended too early.</summary>
    private sealed class RejectsEmptyReads(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            buffer.Length == 0 ? throw new EndOfStreamException() : await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 700)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
