namespace Tollgate.Security.Dependencies;

/// <summary>A resolved package.</summary>
/// <param name="Ecosystem">The OSV ecosystem: <c>NuGet</c>, <c>npm</c>, <c>Debian</c>.</param>
/// <param name="Name">The package id.</param>
/// <param name="Version">The exact resolved version.</param>
/// <param name="Source">Where it was found, relative to the root (project.assets.json, package-lock.json, an image path).</param>
/// <param name="Direct">Whether the project references it directly (false: transitive).</param>
public sealed record Package(string Ecosystem, string Name, string Version, string Source, bool Direct)
{
    /// <summary>
    /// The source package a Debian binary package was built from (dpkg's <c>Source</c> field; advisories name source
    /// packages, e.g. <c>openssl</c> for <c>libssl3</c>); null when it is the package's own name.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>The distribution release the package belongs to (e.g. <c>12</c> for Debian 12, matched against OSV's <c>Debian:12</c>); null when unknown.</summary>
    public string? Release { get; init; }

    /// <summary>The package URL (purl), e.g. <c>pkg:nuget/Newtonsoft.Json@13.0.3</c>.</summary>
    public string Purl => Ecosystem switch
    {
        "NuGet" => $"pkg:nuget/{Name}@{Version}",
        "npm" => Name.StartsWith('@') ? $"pkg:npm/%40{Name[1..]}@{Version}" : $"pkg:npm/{Name}@{Version}",
        "Debian" => $"pkg:deb/debian/{Name}@{Uri.EscapeDataString(Version)}",
        _ => $"pkg:generic/{Name}@{Version}",
    };
}
