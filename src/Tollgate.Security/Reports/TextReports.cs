using System.Globalization;
using System.Text;

namespace Tollgate.Security.Reports;

/// <summary>The console table and the Markdown step summary of a judged scan.</summary>
public static class TextReports
{
    /// <summary>The most findings listed in the Markdown summary (all are in JSON and SARIF).</summary>
    public const int MaxListed = 50;

    private static readonly string[] Header = ["Scanner", "Status", "Scanned", "Crit", "High", "Med", "Low", "Info", "Suppr"];

    /// <summary>A fixed-width table: one row per scanner with counts by severity, then the verdict.</summary>
    public static string ConsoleTable(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<string[]> { Header };
        rows.AddRange(report.Results.Select(r => Row(r, report)));
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 || i == 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }

        foreach (var result in report.Results.Where(r => r.Status == ScannerStatus.NotRun))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.Scanner}: not run: {result.Reason}{(report.Policy.MayNotRun(result.Scanner) ? " (allowed)" : string.Empty)}");
        }

        foreach (var entry in report.ExpiredIgnores)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"expired ignore entry {entry} no longer applies: {entry.Reason}");
        }

        text.AppendLine(Verdict(report));
        return text.ToString();
    }

    /// <summary>The Markdown section for the step summary.</summary>
    public static string Markdown(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine("### Scan").AppendLine();
        md.AppendLine("| Scanner | Status | Scanned | Critical | High | Medium | Low | Info | Suppressed | Note |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var result in report.Results)
        {
            var cells = Row(result, report);
            var note = result.Status == ScannerStatus.NotRun && report.Policy.MayNotRun(result.Scanner) ? $"(allowed) {result.Reason}" : result.Reason;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {string.Join(" | ", cells)} | {Escape(note ?? string.Empty)} |");
        }

        var findings = report.Findings.OrderByDescending(f => f.Severity).ToList();
        if (findings.Count > 0)
        {
            md.AppendLine().AppendLine("| Severity | Rule | Location | Message | Fingerprint |").AppendLine("|---|---|---|---|---|");
            foreach (var f in findings.Take(MaxListed))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Severity.ToName()} | {f.RuleId} | {Escape(f.Location.ToString())} | {Escape(f.Message)} | `{f.Fingerprint[..16]}` |");
            }

            if (findings.Count > MaxListed)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{findings.Count - MaxListed} more in artifacts/scan/scan.json.");
            }
        }

        if (report.ExpiredIgnores.Count > 0)
        {
            md.AppendLine().AppendLine("Expired ignore entries (no longer applied):");
            foreach (var entry in report.ExpiredIgnores)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(entry.ToString())}: {Escape(entry.Reason)}");
            }
        }

        md.AppendLine().AppendLine(report.Passed ? $"**Passed**: {Verdict(report)}" : $"**Failed**: {Verdict(report)}");
        return md.ToString();
    }

    private static string[] Row(ScannerResult r, ScanReport report)
    {
        int Count(Severity s) => r.Findings.Count(f => f.Severity == s);
        var suppressed = report.Suppressed.Count(s => s.Finding.Scanner == r.Scanner);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return r.Status == ScannerStatus.NotRun
            ? [r.Scanner, "not run", "-", "-", "-", "-", "-", "-", "-"]
            : [r.Scanner, "ran", N(r.ItemsScanned), N(Count(Severity.Critical)), N(Count(Severity.High)), N(Count(Severity.Medium)), N(Count(Severity.Low)), N(Count(Severity.Info)), N(suppressed)];
    }

    private static string Verdict(ScanReport report) =>
        report.Passed
            ? $"no finding at or above {report.Policy.FailOn.ToName()}; {report.Findings.Count} lower finding(s), {report.Suppressed.Count} suppressed."
            : string.Join("; ", report.Failures) + ".";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
