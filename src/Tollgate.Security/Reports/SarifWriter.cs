using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security.Reports;

/// <summary>
/// SARIF 2.1.0, one log per scanner, shaped for GitHub code scanning: rules with ids, descriptions, help and
/// <c>security-severity</c>; results with <c>ruleId</c>, message, a repository-relative URI, <c>startLine</c> and
/// <c>partialFingerprints</c>; suppressed findings carried with their justification (GitHub treats them as dismissed);
/// at most <see cref="MaxResults"/> results per run, highest severity first (GitHub accepts 25,000 and shows 5,000).
/// </summary>
public static class SarifWriter
{
    /// <summary>The most results written per run.</summary>
    public const int MaxResults = 5000;

    /// <summary>The partial fingerprint key.</summary>
    public const string FingerprintKey = "tollgateFingerprint/v1";

    /// <summary>The SARIF category (<c>automationDetails.id</c> prefix and upload category) of a scanner.</summary>
    public static string Category(string scanner) => $"tollgate-{scanner}";

    /// <summary>The SARIF log of one scanner as indented JSON.</summary>
    /// <param name="result">The scanner's judged result.</param>
    /// <param name="suppressed">All suppressed findings (those of this scanner are included with their justification).</param>
    /// <param name="toolVersion">The tool version written to the driver.</param>
    public static string Write(ScannerResult result, IReadOnlyList<Suppression> suppressed, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(suppressed);
        var rules = result.Rules.ToList();
        foreach (var finding in result.Findings.Concat(suppressed.Select(s => s.Finding)).Where(f => f.Scanner == result.Scanner))
        {
            if (rules.All(r => r.Id != finding.RuleId))
            {
                rules.Add(new RuleDescriptor(finding.RuleId, finding.RuleId, finding.Message, finding.Help ?? finding.Message, finding.Severity));
            }
        }

        var entries = result.Findings.Select(f => (Finding: f, Suppression: (Suppression?)null))
            .Concat(suppressed.Where(s => s.Finding.Scanner == result.Scanner).Select(s => (Finding: s.Finding, Suppression: (Suppression?)s)))
            .OrderByDescending(e => e.Suppression is null).ThenByDescending(e => e.Finding.Severity)
            .ToList();
        var written = entries.Take(MaxResults).Select(e => Result(e.Finding, e.Suppression, rules)).ToArray();
        var notifications = new JsonArray();
        if (result.Status == ScannerStatus.NotRun)
        {
            notifications.Add(Notification("error", $"Not run: {result.Reason}"));
        }

        if (entries.Count > MaxResults)
        {
            notifications.Add(Notification("warning", $"{entries.Count - MaxResults} lower-severity result(s) left out (GitHub shows at most {MaxResults} per run); see the JSON report."));
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = $"Tollgate {result.Scanner}",
                    ["informationUri"] = "https://github.com/tollgate-build/tollgate#scan-iscan-target-scan",
                    ["semanticVersion"] = toolVersion,
                    ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                },
            },
            ["automationDetails"] = new JsonObject { ["id"] = Category(result.Scanner) + "/" },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = result.Status == ScannerStatus.Ran,
                ["toolExecutionNotifications"] = notifications,
            }),
            ["results"] = new JsonArray(written),
        };
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Rule(RuleDescriptor rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Description },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Description },
        ["help"] = new JsonObject { ["text"] = rule.Help },
        ["defaultConfiguration"] = new JsonObject { ["level"] = rule.Severity.ToSarifLevel() },
        ["properties"] = new JsonObject
        {
            ["security-severity"] = rule.Severity.ToSecuritySeverity(),
            ["tags"] = new JsonArray("security"),
        },
    };

    private static JsonObject Result(Finding finding, Suppression? suppression, List<RuleDescriptor> rules)
    {
        var region = new JsonObject { ["startLine"] = Math.Max(1, finding.Location.Line ?? 1) };
        if (finding.Location.Column is { } column)
        {
            region["startColumn"] = Math.Max(1, column);
        }

        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = rules.FindIndex(r => r.Id == finding.RuleId),
            ["level"] = finding.Severity.ToSarifLevel(),
            ["message"] = new JsonObject { ["text"] = MessageText(finding) },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(finding.Location.Path ?? ".") },
                    ["region"] = region,
                },
            }),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
            ["properties"] = new JsonObject { ["severity"] = finding.Severity.ToName() },
        };
        if (suppression is not null)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = suppression.Kind == SuppressionKind.InlineAllow ? "inSource" : "external",
                ["justification"] = suppression.Reason,
            });
        }

        return result;
    }

    private static string MessageText(Finding finding)
    {
        var extra = new[] { finding.Location.Image is null ? null : $"Image: {finding.Location.Image}.", finding.Location.Package is null ? null : $"Package: {finding.Location.Package}.", finding.FixedVersion is null ? null : $"Fixed in: {finding.FixedVersion}." };
        return string.Join(' ', new[] { finding.Message }.Concat(extra.OfType<string>()));
    }

    // Repository-relative, forward slashes, each segment escaped (spaces and '#' must not break the URI).
    private static string Uri(string path) => string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private static JsonObject Notification(string level, string text) => new() { ["level"] = level, ["message"] = new JsonObject { ["text"] = text } };
}
