using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Scans the working tree for secrets with <see cref="SecretEngine"/>, in parallel. Binary files (a NUL byte in the
/// first 8 KB, sniffed before the rest is read) and files over <see cref="SecretScanOptions.MaxFileBytes"/> are skipped.
/// </summary>
/// <param name="options">What to scan.</param>
/// <param name="engine">The rules (default: the built-in ones).</param>
public sealed class SecretScanner(SecretScanOptions options, SecretEngine? engine = null) : IScanner
{
    // The first block of a file is read alone; a NUL byte in it marks the file binary before the rest is read.
    private const int SniffBytes = 8192;

    private readonly SecretEngine engine = engine ?? new SecretEngine();

    /// <inheritdoc />
    public string Id => "secrets";

    /// <summary>Bytes read by the last scan (for throughput figures).</summary>
    public long BytesScanned { get; private set; }

    /// <inheritdoc />
    public async Task<ScannerResult> ScanAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.RootDirectory);
        var files = await WorkingTreeFiles.ListAsync(root, options.ExcludeGlobs, cancellationToken).ConfigureAwait(false);
        var findings = new ConcurrentBag<Finding>();
        long bytes = 0;
        var skipped = 0;
        // Bounded parallelism: one file per core, read into pooled buffers (no per-file allocation of its bytes or text).
        Parallel.ForEach(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var read = ScanFile(Path.Combine(root, file), options.MaxFileBytes, engine);
            if (read is null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            Interlocked.Add(ref bytes, read.Value.Characters);
            foreach (var match in read.Value.Matches.Where(m => !SecretFindings.IsOwnFileName(m, file)))
            {
                findings.Add(SecretFindings.From(Id, match, file));
            }
        });
        BytesScanned = bytes;
        var ordered = findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ToList();
        return ScannerResult.Ran(Id, [.. engine.Rules.Select(r => r.Descriptor)], ordered, files.Count - skipped, skipped == 0 ? null : $"{skipped} binary or oversized file(s) skipped");
    }

    /// <summary>
    /// The secrets in one file and its length in characters, or null when it is missing, larger than
    /// <paramref name="maxBytes"/> or binary (a NUL byte in the first block, sniffed before the rest is read).
    /// </summary>
    internal static (IReadOnlyList<SecretMatch> Matches, int Characters)? ScanFile(string path, long maxBytes, SecretEngine engine)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // deleted since it was listed
        }

        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes || length > Array.MaxLength)
            {
                return null;
            }

            var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
            char[]? chars = null;
            try
            {
                var first = ReadFully(handle, bytes.AsSpan(0, (int)Math.Min(length, SniffBytes)), 0);
                if (bytes.AsSpan(0, first).Contains((byte)0))
                {
                    return null;
                }

                var total = first + ReadFully(handle, bytes.AsSpan(first, (int)length - first), first);
                chars = ArrayPool<char>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxCharCount(total), 1));
                var count = Encoding.UTF8.GetChars(bytes, 0, total, chars, 0);
                return (engine.Scan(chars.AsSpan(0, count)), count);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                if (chars is not null)
                {
                    ArrayPool<char>.Shared.Return(chars);
                }
            }
        }
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break; // the file shrank while it was read
            }

            total += read;
        }

        return total;
    }
}
