using System.Globalization;
using System.Text;

namespace Tollgate.Evaluation;

/// <summary>The step-summary table: metric | value | threshold | baseline | delta | status, then failing cases.</summary>
public static class MarkdownReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.Run;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## LlmEval: {context.Suite.Name} — {(context.Gates.Passed ? "passed" : "failed")}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{run.Cases.Count} of {run.TotalCases} cases, {run.Passed} passed");
        if (run.IsStatistical)
        {
            text.Append(CultureInfo.InvariantCulture, $"; sample {run.Sample:P0}, repeat {run.Repeat} (min pass {run.MinPass}), seed {run.Seed}");
        }

        text.Append(CultureInfo.InvariantCulture, $"; cache {run.CacheHits} hits / {run.CacheMisses} misses; {DurationText.Format(run.Duration)}\n\n");
        text.Append("| metric | value | threshold | baseline | delta | status |\n|---|---:|---|---:|---:|---|\n");
        foreach (var row in context.Gates.Outcomes)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {row.Metric} | {ReportFormat.Value(row.Metric, row.Value)} | {Escape(row.Threshold)} | {(row.BaselineValue is { } b ? ReportFormat.Value(row.Metric, b) : "–")} | {ReportFormat.Delta(row.Delta)} | {ReportFormat.Status(row.Status)} |\n");
        }

        var tags = context.Gates.Metrics.Values.Where(kv => kv.Key.StartsWith("pass-rate:", StringComparison.Ordinal)).ToList();
        if (tags.Count > 0)
        {
            text.Append("\n| tag | pass rate | 95 % lower bound |\n|---|---:|---:|\n");
            foreach (var (metric, value) in tags)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Escape(metric["pass-rate:".Length..])} | {value:P1} | {context.Gates.Metrics.LowerBounds[metric]:P1} |\n");
            }
        }

        var failures = context.Gates.Failures;
        if (failures.Count > 0)
        {
            text.Append("\n**Gate failures**\n\n");
            foreach (var failure in failures)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Escape(failure)}\n");
            }
        }

        var failed = run.Cases.Where(c => !c.Passed).Take(20).ToList();
        if (failed.Count > 0)
        {
            text.Append("\n**Failing cases**\n\n| case | reason |\n|---|---|\n");
            foreach (var result in failed)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Escape(result.Id)} | {Escape(FirstReason(result))} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Why a case failed: its error, else the first check that did not pass.</summary>
    public static string FirstReason(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Error is { } error)
        {
            return error;
        }

        var failing = result.Attempts.SelectMany(a => a.Assertions).FirstOrDefault(a => !a.Permits);
        return failing is null ? "too few attempts passed" : $"{failing.Type}: {failing.Reason}";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
