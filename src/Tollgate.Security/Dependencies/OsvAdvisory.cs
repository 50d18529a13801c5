using System.Text.Json.Nodes;

namespace Tollgate.Security.Dependencies;

/// <summary>One advisory in OSV format (the schema of osv.dev and the GitHub Advisory Database exports).</summary>
/// <param name="Id">E.g. <c>GHSA-5crp-9r3c-p9vr</c>.</param>
/// <param name="Aliases">E.g. the CVE id.</param>
/// <param name="Summary">One line.</param>
/// <param name="Severity">From <c>database_specific.severity</c> (GHSA's label), else medium.</param>
/// <param name="Affected">The affected packages and versions.</param>
public sealed record OsvAdvisory(string Id, IReadOnlyList<string> Aliases, string Summary, Severity Severity, IReadOnlyList<OsvAffected> Affected)
{
    /// <summary>Parses one OSV JSON document.</summary>
    public static OsvAdvisory Parse(JsonNode json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var id = json["id"]?.GetValue<string>() ?? throw new ScanException($"{source}: an OSV advisory needs an 'id'.");
        var severity = Severities.TryParse(json["database_specific"]?["severity"]?.GetValue<string>()) ?? Severity.Medium;
        var affected = (json["affected"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new OsvAffected(
            a["package"]?["ecosystem"]?.GetValue<string>() ?? string.Empty,
            a["package"]?["name"]?.GetValue<string>() ?? string.Empty,
            [.. (a["ranges"] as JsonArray ?? []).OfType<JsonObject>().Where(r => r["type"]?.GetValue<string>() is "ECOSYSTEM" or "SEMVER")
                .Select(r => (IReadOnlyList<OsvEvent>)[.. (r["events"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(Events)])],
            [.. (a["versions"] as JsonArray ?? []).Select(v => v!.GetValue<string>())])).ToList();
        return new OsvAdvisory(
            id,
            [.. (json["aliases"] as JsonArray ?? []).Select(a => a!.GetValue<string>())],
            json["summary"]?.GetValue<string>() ?? json["details"]?.GetValue<string>()?.Split('\n')[0] ?? id,
            severity,
            affected);
    }

    private static IEnumerable<OsvEvent> Events(JsonObject e) =>
        e.Select(kv => new OsvEvent(kv.Key, kv.Value?.GetValue<string>() ?? string.Empty));
}

/// <summary>An affected package of an advisory.</summary>
/// <param name="Ecosystem">E.g. <c>NuGet</c>.</param>
/// <param name="Name">The package name.</param>
/// <param name="Ranges">Each range's events in order (introduced, fixed, last_affected).</param>
/// <param name="Versions">Explicitly listed affected versions.</param>
public sealed record OsvAffected(string Ecosystem, string Name, IReadOnlyList<IReadOnlyList<OsvEvent>> Ranges, IReadOnlyList<string> Versions)
{
    /// <summary>Whether <paramref name="version"/> is affected; <paramref name="fixedIn"/> gets the fixing version of its range.</summary>
    public bool Affects(string version, out string? fixedIn)
    {
        // Debian (Debian:12 ...) versions sort by dpkg's rules (epochs, ~); NuGet and npm by SemVer.
        Func<string, string, int> compare = Ecosystem.Split(':')[0] == "Debian" ? DebianVersion.Compare : PackageVersion.Compare;
        fixedIn = null;
        if (Versions.Contains(version, StringComparer.OrdinalIgnoreCase))
        {
            fixedIn = Ranges.SelectMany(r => r).FirstOrDefault(e => e.Kind == "fixed")?.Version;
            return true;
        }

        foreach (var range in Ranges)
        {
            var affected = false;
            foreach (var e in range)
            {
                if (e.Kind == "introduced" && (e.Version == "0" || compare(version, e.Version) >= 0))
                {
                    affected = true;
                }
                else if (e.Kind == "fixed" && compare(version, e.Version) >= 0)
                {
                    affected = false;
                }
                else if (e.Kind == "last_affected" && compare(version, e.Version) > 0)
                {
                    affected = false;
                }
            }

            if (affected)
            {
                fixedIn = range.FirstOrDefault(e => e.Kind == "fixed" && compare(e.Version, version) > 0)?.Version;
                return true;
            }
        }

        return false;
    }
}

/// <summary>A range event: <c>introduced</c>, <c>fixed</c> or <c>last_affected</c> at a version.</summary>
/// <param name="Kind">The event.</param>
/// <param name="Version">The version (<c>0</c> for introduced-at-the-start).</param>
public sealed record OsvEvent(string Kind, string Version);
