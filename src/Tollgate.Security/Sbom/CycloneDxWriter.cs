using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Security.Dependencies;

namespace Tollgate.Security.Sbom;

/// <summary>Writes a CycloneDX 1.5 JSON BOM for a set of packages (the image SBOM).</summary>
internal static class CycloneDxWriter
{
    /// <summary>The BOM as indented JSON.</summary>
    /// <param name="subjectName">The described component, e.g. the image repository.</param>
    /// <param name="subjectVersion">Its version (tag or digest).</param>
    /// <param name="subjectType">The CycloneDX component type: <c>container</c> or <c>application</c>.</param>
    /// <param name="packages">The packages in it.</param>
    /// <param name="toolVersion">Tollgate's version, recorded as the tool.</param>
    /// <param name="timestamp">When the BOM was made.</param>
    public static string Write(string subjectName, string subjectVersion, string subjectType, IReadOnlyList<Package> packages, string toolVersion, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var components = packages.DistinctBy(p => p.Purl).OrderBy(p => p.Purl, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
        {
            ["type"] = "library",
            ["bom-ref"] = p.Purl,
            ["name"] = p.Name,
            ["version"] = p.Version,
            ["purl"] = p.Purl,
            ["properties"] = new JsonArray(new JsonObject { ["name"] = "tollgate:source", ["value"] = p.Source }),
        });
        var bom = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.5",
            ["serialNumber"] = $"urn:uuid:{Guid.NewGuid()}",
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "Tollgate", ["version"] = toolVersion }),
                },
                ["component"] = new JsonObject { ["type"] = subjectType, ["bom-ref"] = $"{subjectName}@{subjectVersion}", ["name"] = subjectName, ["version"] = subjectVersion },
            },
            ["components"] = new JsonArray([.. components]),
        };
        return bom.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
