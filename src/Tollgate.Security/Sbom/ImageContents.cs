using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Security.Dependencies;

namespace Tollgate.Security.Sbom;

/// <summary>
/// The packages inside an image's filesystem tar: .NET libraries from every <c>*.deps.json</c> (type <c>package</c>)
/// and Debian packages from <c>var/lib/dpkg/status</c> (status "install ok installed"), with their source package and
/// the release from <c>os-release</c> (<c>VERSION_ID</c> of a Debian image), so they match OSV's <c>Debian:12</c> advisories.
/// </summary>
public static class ImageContents
{
    /// <summary>Reads the packages from a tar stream of the image's filesystem (as the Engine API's archive endpoint returns it).</summary>
    public static async Task<IReadOnlyList<Package>> ReadAsync(Stream tar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tar);
        var packages = new List<Package>();
        string? release = null;
        using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var name = "/" + entry.Name.TrimStart('.', '/');
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            if (name.EndsWith(".deps.json", StringComparison.Ordinal))
            {
                using var text = new StreamReader(entry.DataStream);
                packages.AddRange(ReadDepsJson(await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false), name));
            }
            else if (name.EndsWith("/var/lib/dpkg/status", StringComparison.Ordinal))
            {
                using var text = new StreamReader(entry.DataStream);
                packages.AddRange(ReadDpkgStatus(await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false), name));
            }
            else if (name is "/etc/os-release" or "/usr/lib/os-release")
            {
                using var text = new StreamReader(entry.DataStream);
                release ??= DebianRelease(await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return [.. packages.Select(p => p.Ecosystem == "Debian" && release is not null ? p with { Release = release } : p).Distinct()];
    }

    /// <summary>The Debian release of an os-release file (<c>VERSION_ID="12"</c> when <c>ID=debian</c>), else null.</summary>
    public static string? DebianRelease(string osRelease)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        var fields = osRelease.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('"', '\'')))
            .GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return fields.GetValueOrDefault("ID") == "debian" && fields.TryGetValue("VERSION_ID", out var version) && version.Length > 0 ? version : null;
    }

    /// <summary>The NuGet packages a .deps.json lists.</summary>
    public static IReadOnlyList<Package> ReadDepsJson(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }

        return [.. (root?["libraries"] as JsonObject ?? [])
            .Where(l => l.Value?["type"]?.GetValue<string>() == "package" && l.Key.Contains('/', StringComparison.Ordinal))
            .Select(l => new Package("NuGet", l.Key[..l.Key.IndexOf('/', StringComparison.Ordinal)], l.Key[(l.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], source, Direct: false))];
    }

    /// <summary>The installed packages of a dpkg status file.</summary>
    public static IReadOnlyList<Package> ReadDpkgStatus(string status, string source)
    {
        ArgumentNullException.ThrowIfNull(status);
        var packages = new List<Package>();
        foreach (var paragraph in status.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = paragraph.Split('\n').Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && l.Contains(':', StringComparison.Ordinal))
                .Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            if (fields.TryGetValue("Package", out var name) && fields.TryGetValue("Version", out var version) && fields.GetValueOrDefault("Status", "install ok installed").EndsWith("installed", StringComparison.Ordinal) && !fields.GetValueOrDefault("Status", string.Empty).EndsWith("not-installed", StringComparison.Ordinal))
            {
                var sourceName = fields.TryGetValue("Source", out var built) ? built.Split(' ')[0] : null;
                packages.Add(new Package("Debian", name, version, source, Direct: false) { SourceName = sourceName == name ? null : sourceName });
            }
        }

        return packages;
    }
}
