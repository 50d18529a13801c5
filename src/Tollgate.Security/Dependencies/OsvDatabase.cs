using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security.Dependencies;

/// <summary>
/// Advisories in OSV format from a directory of JSON files, a zip of them (the osv.dev ecosystem exports, e.g.
/// <c>NuGet/all.zip</c>), one JSON file, or an http(s) URL of either.
/// </summary>
/// <param name="Advisories">The advisories.</param>
public sealed record OsvDatabase(IReadOnlyList<OsvAdvisory> Advisories)
{
    /// <summary>Loads advisories from <paramref name="source"/> (a path relative to <paramref name="root"/>, or a URL).</summary>
    public static async Task<OsvDatabase> LoadAsync(string source, string root, HttpClient? http, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            using var client = http is null ? new HttpClient() : null;
            byte[] bytes;
            try
            {
                bytes = await (http ?? client!).GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new ScanException($"The advisory source {source} could not be downloaded ({e.Message}). Pass a reachable URL, a directory or a zip with --scan-advisories.", e);
            }

            return bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K' ? FromZip(new MemoryStream(bytes), source) : new OsvDatabase([Parse(bytes, source)]);
        }

        var path = Path.GetFullPath(Path.Combine(root, source));
        if (Directory.Exists(path))
        {
            return new OsvDatabase([.. Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Parse(File.ReadAllBytes(f), f))]);
        }

        if (!File.Exists(path))
        {
            throw new ScanException($"The advisory source '{source}' does not exist (looked for {path}). Pass a directory of OSV JSON files, a zip of them, or a URL with --scan-advisories.");
        }

        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = File.OpenRead(path);
            return FromZip(stream, source);
        }

        return new OsvDatabase([Parse(File.ReadAllBytes(path), path)]);
    }

    /// <summary>The advisories affecting <paramref name="package"/>, each with its fixing version.</summary>
    public IEnumerable<(OsvAdvisory Advisory, string? FixedIn)> Match(Package package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var comparison = package.Ecosystem == "NuGet" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var advisory in Advisories)
        {
            foreach (var affected in advisory.Affected.Where(a => SameEcosystem(a.Ecosystem, package) && (string.Equals(a.Name, package.Name, comparison) || string.Equals(a.Name, package.SourceName, comparison))))
            {
                if (affected.Affects(package.Version, out var fixedIn))
                {
                    yield return (advisory, fixedIn);
                    break;
                }
            }
        }
    }

    // "Debian:12" applies to Debian 12 packages only; a package whose release is unknown is matched on the ecosystem.
    private static bool SameEcosystem(string advisoryEcosystem, Package package)
    {
        var colon = advisoryEcosystem.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? advisoryEcosystem : advisoryEcosystem[..colon];
        return name == package.Ecosystem && (colon < 0 || package.Release is null || advisoryEcosystem[(colon + 1)..] == package.Release);
    }

    private static OsvDatabase FromZip(Stream stream, string source)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var advisories = new List<OsvAdvisory>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            using var entryStream = entry.Open();
            using var memory = new MemoryStream();
            entryStream.CopyTo(memory);
            advisories.Add(Parse(memory.ToArray(), $"{source}!{entry.FullName}"));
        }

        return new OsvDatabase(advisories);
    }

    private static OsvAdvisory Parse(byte[] json, string source)
    {
        try
        {
            return OsvAdvisory.Parse(JsonNode.Parse(json) ?? throw new ScanException($"{source} is empty."), source);
        }
        catch (JsonException e)
        {
            throw new ScanException($"{source} is not an OSV JSON advisory ({e.Message}).", e);
        }
    }
}
