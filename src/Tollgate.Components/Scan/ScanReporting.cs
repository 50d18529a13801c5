using Tollgate.Security;
using Tollgate.Security.Reports;

namespace Tollgate.Components.Scan;

/// <summary>The Scan target's ending: diagnostics for findings, the console table, the summary, and the gate.</summary>
internal static class ScanReporting
{
    /// <summary>The most findings reported as diagnostics (annotations); all are in the reports.</summary>
    public const int MaxDiagnostics = 50;

    public static void Report(IScan build, ScanOutcome outcome)
    {
        var report = outcome.Report;
        foreach (var finding in report.Findings.OrderByDescending(f => f.Severity).Take(MaxDiagnostics))
        {
            build.Host.ReportDiagnostic(ToDiagnostic(finding, report.Policy.FailOn));
        }

        build.Log.Information(TextReports.ConsoleTable(report).TrimEnd());
        build.Log.Information($"Reports: {outcome.JsonReport}, {outcome.MarkdownReport}, {outcome.SarifFiles.Count} SARIF file(s)");
        build.Host.AppendSummary(TextReports.Markdown(report));
        if (!report.Passed)
        {
            throw new TollgateException(
                $"Scan gate failed: {string.Join("; ", report.Failures)}\nFix the findings listed above, or accept one with a reason in {build.ScanSettings.IgnoreFile} " +
                "(fingerprint from artifacts/scan/scan.json, optional expires: yyyy-MM-dd).");
        }
    }

    public static Diagnostic ToDiagnostic(Finding finding, Severity failOn)
    {
        var level = finding.Severity >= failOn ? LogLevel.Error : finding.Severity >= Severity.Medium ? LogLevel.Warning : LogLevel.Information;
        var where = finding.Location.Package is null ? string.Empty : $" [{finding.Location.Package}{(finding.Location.Image is null ? string.Empty : $" in {finding.Location.Image}")}]";
        return new Diagnostic(level, $"{finding.Severity.ToName()}: {finding.Message}{where} (fingerprint {finding.Fingerprint[..16]})", finding.Location.Path, finding.Location.Line, finding.Location.Column, finding.RuleId);
    }
}
