using System.Text.Json.Nodes;

namespace Tollgate.Security.Sbom;

/// <summary>
/// Licence allow and deny lists (SPDX ids; a trailing <c>*</c> matches a prefix, e.g. <c>GPL-*</c>), checked against
/// a CycloneDX BOM's components. A denied licence is high; with an allow list, any other licence is medium; a
/// component without licence data is info.
/// </summary>
/// <param name="Allow">Allowed licences (empty: everything not denied).</param>
/// <param name="Deny">Denied licences.</param>
public sealed record LicensePolicy(IReadOnlyList<string> Allow, IReadOnlyList<string> Deny)
{
    /// <summary>The default: copyleft licences that oblige a closed service's source are denied (AGPL, SSPL, GPL), everything else allowed.</summary>
    public static LicensePolicy Default { get; } = new([], ["AGPL-*", "SSPL-*", "GPL-*"]);

    /// <summary>The licence rules.</summary>
    public static IReadOnlyList<RuleDescriptor> Rules { get; } =
    [
        new("LIC001", "DeniedLicense", "A component's licence is on the deny list.", "Replace the component, or get approval and add an ignore entry with the reason.", Severity.High),
        new("LIC002", "LicenseNotAllowed", "A component's licence is not on the allow list.", "Review the licence; add it to --scan-license-allow, or replace the component.", Severity.Medium),
        new("LIC003", "NoLicenseData", "A component declares no licence the SBOM tool could read.", "Check the package's licence by hand; add it to the ignore file with the result.", Severity.Info),
    ];

    /// <summary>The findings for the components of a CycloneDX JSON BOM.</summary>
    /// <param name="bom">The BOM.</param>
    /// <param name="scanner">The scanner id the findings carry.</param>
    /// <param name="bomPath">The BOM's path, relative to the root (the findings' location).</param>
    public IReadOnlyList<Finding> Check(JsonNode bom, string scanner, string bomPath)
    {
        ArgumentNullException.ThrowIfNull(bom);
        var findings = new List<Finding>();
        foreach (var component in (bom["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = $"{component["name"]?.GetValue<string>()}@{component["version"]?.GetValue<string>()}";
            var choices = Choices(component).ToList();
            var licenses = choices.SelectMany(c => c).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var location = new FindingLocation(bomPath, 1) { Package = name };
            if (licenses.Count == 0)
            {
                findings.Add(Make(Rules[2], $"{name} declares no licence.", "none"));
                continue;
            }

            // "MIT OR GPL-3.0-only" may be used under MIT: a component is denied only when every choice holds a denied
            // licence, and allowed when one choice is allowed throughout.
            var denied = licenses.Where(l => Deny.Any(d => Matches(d, l))).ToList();
            if (choices.All(c => c.Any(l => Deny.Any(d => Matches(d, l)))))
            {
                findings.Add(Make(Rules[0], $"{name} is licensed {string.Join(" / ", licenses)}, which is denied ({string.Join(", ", denied)}).", string.Join(',', licenses)));
            }
            else if (Allow.Count > 0 && !choices.Any(c => c.All(l => Allow.Any(a => Matches(a, l)))))
            {
                findings.Add(Make(Rules[1], $"{name} is licensed {string.Join(" / ", licenses)}, which is not on the allow list.", string.Join(',', licenses)));
            }

            Finding Make(RuleDescriptor rule, string message, string evidence) =>
                Finding.Create(scanner, rule.Id, rule.Severity, message, location, $"{name}|{evidence}") with { Help = rule.Help };
        }

        return findings;
    }

    // Each choice is a set of licences that all apply (AND, WITH); an SPDX expression's OR and separate entries are choices.
    private static IEnumerable<IReadOnlyList<string>> Choices(JsonObject component)
    {
        foreach (var choice in (component["licenses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (choice["expression"]?.GetValue<string>() is { } expression)
            {
                foreach (var alternative in expression.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal).Split(" OR ", StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return [.. alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t is not ("AND" or "WITH"))];
                }
            }
            else if ((choice["license"]?["id"] ?? choice["license"]?["name"])?.GetValue<string>() is { } id)
            {
                yield return [id];
            }
        }
    }

    private static bool Matches(string pattern, string license) =>
        pattern.EndsWith('*') ? license.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(pattern, license, StringComparison.OrdinalIgnoreCase);
}
