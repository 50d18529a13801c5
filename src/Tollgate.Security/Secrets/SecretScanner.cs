using System.Collections.Concurrent;
using System.Text;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Scans the working tree for secrets with <see cref="SecretEngine"/>, in parallel. Binary files (a NUL byte in the
/// first 8 KB) and files over <see cref="SecretScanOptions.MaxFileBytes"/> are skipped.
/// </summary>
/// <param name="options">What to scan.</param>
/// <param name="engine">The rules (default: the built-in ones).</param>
public sealed class SecretScanner(SecretScanOptions options, SecretEngine? engine = null) : IScanner
{
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
        Parallel.ForEach(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var text = ReadText(Path.Combine(root, file), options.MaxFileBytes);
            if (text is null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            Interlocked.Add(ref bytes, text.Length);
            foreach (var match in engine.Scan(text))
            {
                findings.Add(SecretFindings.From(Id, match, file));
            }
        });
        BytesScanned = bytes;
        var ordered = findings.OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ToList();
        return ScannerResult.Ran(Id, [.. engine.Rules.Select(r => r.Descriptor)], ordered, files.Count - skipped, skipped == 0 ? null : $"{skipped} binary or oversized file(s) skipped");
    }

    /// <summary>The file as text, or null when it is binary or too large.</summary>
    internal static string? ReadText(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > maxBytes)
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0) ? null : Encoding.UTF8.GetString(bytes);
    }
}
