using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security.External;

/// <summary>Parses gitleaks and Trivy JSON reports into findings (secret values are hashed into fingerprints, never kept).</summary>
internal static class ExternalReports
{
    /// <summary>Findings from a gitleaks JSON report (an array of leaks).</summary>
    public static IReadOnlyList<Finding> FromGitleaks(string json)
    {
        var findings = new List<Finding>();
        foreach (var leak in (Parse(json, "gitleaks") as JsonArray ?? []).OfType<JsonObject>())
        {
            var rule = Text(leak, "RuleID") ?? "gitleaks";
            var file = Text(leak, "File") ?? ".";
            var secret = Text(leak, "Secret") ?? Text(leak, "Match") ?? string.Empty;
            var commit = Text(leak, "Commit") is { Length: > 0 } c ? c : null;
            var location = new FindingLocation(file, Int(leak, "StartLine"), Int(leak, "StartColumn")) { Commit = commit };
            var message = $"gitleaks {rule}: {Text(leak, "Description") ?? rule} {Secrets.Redaction.Redact(secret)}.";
            findings.Add(new Finding("gitleaks", rule, Severity.High, message, location, Fingerprints.Of("gitleaks", rule, file, secret)) { Help = "Revoke and rotate the credential, then remove it from the repository." });
        }

        return findings;
    }

    /// <summary>Findings from a Trivy JSON report (vulnerabilities, misconfigurations and secrets of every result).</summary>
    public static IReadOnlyList<Finding> FromTrivy(string json)
    {
        var findings = new List<Finding>();
        foreach (var result in (Parse(json, "trivy")["Results"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var target = Text(result, "Target") ?? ".";
            foreach (var v in (result["Vulnerabilities"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = Text(v, "VulnerabilityID") ?? "trivy-vulnerability";
                var package = $"{Text(v, "PkgName")}@{Text(v, "InstalledVersion")}";
                var fixedIn = Text(v, "FixedVersion") is { Length: > 0 } f ? f : null;
                findings.Add(Finding.Create("trivy", id, Severities.TryParse(Text(v, "Severity")) ?? Severity.Medium, $"{package} is affected by {id}: {Text(v, "Title") ?? id}.{(fixedIn is null ? string.Empty : $" Fixed in {fixedIn}.")}", new FindingLocation(target, 1) { Package = package }, package) with { FixedVersion = fixedIn });
            }

            foreach (var m in (result["Misconfigurations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = Text(m, "ID") ?? Text(m, "AVDID") ?? "trivy-misconfiguration";
                findings.Add(Finding.Create("trivy", id, Severities.TryParse(Text(m, "Severity")) ?? Severity.Medium, $"{Text(m, "Title")}: {Text(m, "Message")}", new FindingLocation(target, Int(m["CauseMetadata"] as JsonObject, "StartLine") ?? 1), Text(m, "Message") ?? id) with { Help = Text(m, "Resolution") });
            }

            foreach (var s in (result["Secrets"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = Text(s, "RuleID") ?? "trivy-secret";
                findings.Add(Finding.Create("trivy", id, Severities.TryParse(Text(s, "Severity")) ?? Severity.High, $"trivy secret {id}: {Text(s, "Title")}.", new FindingLocation(target, Int(s, "StartLine")), Text(s, "Match") ?? id));
            }
        }

        return findings;
    }

    /// <summary>
    /// One rule per rule id the findings carry (SARIF consumers such as GitHub code scanning show a rule's id and
    /// description beside each result), with the highest severity seen for it.
    /// </summary>
    public static IReadOnlyList<RuleDescriptor> RulesOf(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            new RuleDescriptor(g.Key, g.Key, $"{g.First().Scanner} rule {g.Key}.", g.First().Help ?? $"See the {g.First().Scanner} documentation for {g.Key}.", g.Max(f => f.Severity)))];
    }

    private static JsonNode Parse(string json, string tool)
    {
        try
        {
            return JsonNode.Parse(json) ?? new JsonArray();
        }
        catch (JsonException e)
        {
            throw new ScanException($"The {tool} report is not JSON ({e.Message}); run {tool} with JSON output.", e);
        }
    }

    private static string? Text(JsonObject? node, string key) => node?[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonObject? node, string key) => node?[key] is JsonValue value && value.TryGetValue<int>(out var n) && n > 0 ? n : null;
}
