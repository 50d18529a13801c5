using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Security.Reports;

/// <summary>The whole judged scan as JSON (<c>artifacts/scan/scan.json</c>): scanners, findings, suppressions, expired ignores, verdict.</summary>
internal static class JsonReportWriter
{
    /// <summary>The report as indented JSON.</summary>
    public static string Write(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["passed"] = report.Passed,
            ["failOn"] = report.Policy.FailOn.ToName(),
            ["failures"] = new JsonArray([.. report.Failures.Select(f => (JsonNode)f)]),
            ["scanners"] = new JsonArray([.. report.Results.Select(r => (JsonNode)new JsonObject
            {
                ["scanner"] = r.Scanner,
                ["status"] = r.Status == ScannerStatus.Ran ? "ran" : "not-run",
                ["reason"] = r.Reason,
                ["itemsScanned"] = r.ItemsScanned,
                ["findings"] = new JsonArray([.. r.Findings.Select(f => (JsonNode)Finding(f))]),
            })]),
            ["suppressed"] = new JsonArray([.. report.Suppressed.Select(s => (JsonNode)new JsonObject
            {
                ["kind"] = s.Kind.ToString(),
                ["reason"] = s.Reason,
                ["finding"] = Finding(s.Finding),
            })]),
            ["expiredIgnores"] = new JsonArray([.. report.ExpiredIgnores.Select(e => (JsonNode)e.ToString())]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Finding(Finding f) => new()
    {
        ["scanner"] = f.Scanner,
        ["ruleId"] = f.RuleId,
        ["severity"] = f.Severity.ToName(),
        ["message"] = f.Message,
        ["path"] = f.Location.Path,
        ["line"] = f.Location.Line,
        ["column"] = f.Location.Column,
        ["image"] = f.Location.Image,
        ["package"] = f.Location.Package,
        ["commit"] = f.Location.Commit,
        ["fixedVersion"] = f.FixedVersion,
        ["help"] = f.Help,
        ["fingerprint"] = f.Fingerprint,
    };
}
