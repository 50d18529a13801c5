using System.Globalization;
using static System.Net.WebUtility;

namespace Tollgate.Evaluation;

/// <summary>
/// One self-contained HTML file (inline CSS, SVG and script; no external assets): gates, score distributions, the
/// baseline diff and per-case details.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}
        td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.pass{color:#17803d}.fail{color:#b42318}
        .notrun{color:#8a6d00}details{margin:.3rem 0}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}
        svg{margin:.3rem 1rem .3rem 0;background:#fafafa}.hist{display:flex;flex-wrap:wrap}
        """;

    private const string Script = """
        document.body.dataset.rendered = "true";
        document.getElementById("only-failing").addEventListener("change", e => {
          for (const row of document.querySelectorAll("details.case"))
            row.style.display = e.target.checked && row.dataset.passed === "true" ? "none" : "";
        });
        document.getElementById("case-count").textContent = document.querySelectorAll("details.case").length;
        """;

    /// <summary>Renders the report.</summary>
    public static string Render(ReportContext context)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(context, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report to <paramref name="html"/> as it goes, so large runs need little memory.</summary>
    public static void Write(ReportContext context, TextWriter html)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(html);
        var run = context.Run;
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LlmEval {HtmlEncode(context.Suite.Name)}</title><style>{Style}</style></head><body>"));
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<h1>LlmEval: {HtmlEncode(context.Suite.Name)} — <span class=\"{(context.Gates.Passed ? "pass\">passed" : "fail\">failed")}</span></h1>"));
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<p>{run.Cases.Count} of {run.TotalCases} cases, {run.Passed} passed; repeat {run.Repeat}, sample {run.Sample:P0}; {DurationText.Format(run.Duration)}</p>"));
        Gates(html, context.Gates);
        Distributions(html, run);
        BaselineDiff(html, run, context.Baseline);
        html.Write("<h2>Cases (<span id=\"case-count\"></span>)</h2><label><input type=\"checkbox\" id=\"only-failing\"> only failing</label>");
        foreach (var result in run.Cases)
        {
            Case(html, result);
        }

        html.Write(string.Create(CultureInfo.InvariantCulture, $"<script>{Script}</script></body></html>\n"));
    }

    private static void Gates(TextWriter html, GateReport gates)
    {
        html.Write("<h2>Gates</h2><table><tr><th>metric</th><th>value</th><th>threshold</th><th>baseline</th><th>delta</th><th>status</th></tr>");
        foreach (var row in gates.Outcomes)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{HtmlEncode(row.Metric)}</td><td>{HtmlEncode(ReportFormat.Value(row.Metric, row.Value))}</td><td>{HtmlEncode(row.Threshold)}</td><td>{(row.BaselineValue is { } b ? HtmlEncode(ReportFormat.Value(row.Metric, b)) : "–")}</td><td>{ReportFormat.Delta(row.Delta)}</td><td class=\"{(row.Status == GateStatus.Passed ? "pass" : "fail")}\" title=\"{HtmlEncode(row.Message)}\">{(row.Status == GateStatus.Passed ? "✔ pass" : "✘ fail")}</td></tr>"));
        }

        html.Write("</table>");
    }

    private static void Distributions(TextWriter html, EvalRunResult run)
    {
        html.Write("<h2>Score distributions</h2><p>Checks per score band (0–1), over every attempt.</p><div class=\"hist\">");
        var groups = run.Cases.SelectMany(c => c.Attempts).SelectMany(a => a.Assertions)
            .Where(a => a.Score is not null).GroupBy(a => a.Metric, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var bins = new int[10];
            foreach (var score in group.Select(a => a.Score!.Value))
            {
                bins[Math.Clamp((int)(score * 10), 0, 9)]++;
            }

            Histogram(html, group.Key, bins);
        }

        html.Write("</div>");
    }

    /// <summary>A bar chart with both axes: score bands 0–1 along x, the number of checks (0 to the largest bin) up y.</summary>
    private static void Histogram(TextWriter html, string metric, int[] bins)
    {
        const int Left = 34, Top = 22, Width = 200, Height = 90;
        var max = Math.Max(1, bins.Max());
        html.Write(Invariant($"<svg width=\"{Left + Width + 12}\" height=\"{Top + Height + 34}\" role=\"img\" aria-label=\"{HtmlEncode(metric)}: checks per score band\"><text x=\"4\" y=\"14\">{HtmlEncode(metric)}</text>"));
        html.Write(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + Height}\" stroke=\"#555\"/><line x1=\"{Left}\" y1=\"{Top + Height}\" x2=\"{Left + Width}\" y2=\"{Top + Height}\" stroke=\"#555\"/>"));
        html.Write(Invariant($"<text class=\"axis\" x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"10\">{max}</text><text class=\"axis\" x=\"{Left - 4}\" y=\"{Top + Height}\" text-anchor=\"end\" font-size=\"10\">0</text>"));
        html.Write(Invariant($"<text class=\"axis\" x=\"8\" y=\"{Top + (Height / 2)}\" font-size=\"10\" transform=\"rotate(-90 8 {Top + (Height / 2)})\" text-anchor=\"middle\">checks</text>"));
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            html.Write(Invariant($"<text class=\"axis\" x=\"{Left + (tick * Width):0}\" y=\"{Top + Height + 12}\" text-anchor=\"middle\" font-size=\"10\">{tick:0.0}</text>"));
        }

        html.Write(Invariant($"<text class=\"axis\" x=\"{Left + (Width / 2)}\" y=\"{Top + Height + 28}\" text-anchor=\"middle\" font-size=\"10\">score</text>"));
        for (var i = 0; i < bins.Length; i++)
        {
            var height = (double)Height * bins[i] / max;
            html.Write(Invariant($"<rect x=\"{Left + 1 + (i * 20)}\" y=\"{Top + Height - height:0.#}\" width=\"18\" height=\"{height:0.#}\" fill=\"#4b7bec\"><title>{i / 10.0:0.0}–{(i + 1) / 10.0:0.0}: {bins[i]}</title></rect>"));
        }

        html.Write("</svg>");
    }

    private static void BaselineDiff(TextWriter html, EvalRunResult run, Baseline? baseline)
    {
        html.Write("<h2>Baseline diff</h2>");
        if (baseline is null)
        {
            html.Write("<p>No baseline yet: write one with --update-baseline.</p>");
            return;
        }

        // Every metric of either run, so an unchanged run still shows what it was compared with.
        var now = RunMetrics.Compute(run).Values;
        html.Write(Invariant($"<p>Against the baseline of {baseline.Created:yyyy-MM-dd HH:mm} UTC ({baseline.Cases.Count} cases).</p><table class=\"baseline\"><tr><th>metric</th><th>baseline</th><th>now</th><th>change</th></tr>"));
        foreach (var metric in baseline.Metrics.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var before = baseline.Metrics.TryGetValue(metric, out var b) ? b : double.NaN;
            var after = now.TryGetValue(metric, out var a) ? a : double.NaN;
            double? delta = double.IsNaN(before) || double.IsNaN(after) || before == 0 ? null : (after - before) / Math.Abs(before);
            html.Write(Invariant($"<tr><td>{HtmlEncode(metric)}</td><td>{HtmlEncode(ReportFormat.Value(metric, before))}</td><td>{HtmlEncode(ReportFormat.Value(metric, after))}</td><td>{ReportFormat.Delta(delta)}</td></tr>"));
        }

        html.Write("</table>");
        var changed = run.Cases.Where(c => !baseline.Cases.TryGetValue(c.Id, out var b) || b.Passed != c.Passed || Math.Abs(b.Score - c.Score) > 0.05).ToList();
        var gone = baseline.Cases.Keys.Except(run.Cases.Select(c => c.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0 && gone.Count == 0)
        {
            html.Write("<p>No case changed its status or its score by more than 0.05.</p>");
            return;
        }

        html.Write(Invariant($"<p>{changed.Count + gone.Count} case(s) changed.</p><table class=\"baseline-cases\"><tr><th>case</th><th>baseline</th><th>now</th></tr>"));
        foreach (var result in changed)
        {
            var was = baseline.Cases.TryGetValue(result.Id, out var b) ? Invariant($"{(b.Passed ? "pass" : "fail")} {b.Score:0.###}") : "new case";
            html.Write(Invariant($"<tr><td>{HtmlEncode(result.Id)}</td><td>{was}</td><td>{(result.Passed ? "pass" : "fail")} {result.Score:0.###}</td></tr>"));
        }

        foreach (var id in gone)
        {
            var b = baseline.Cases[id];
            html.Write(Invariant($"<tr><td>{HtmlEncode(id)}</td><td>{(b.Passed ? "pass" : "fail")} {b.Score:0.###}</td><td>not in this run</td></tr>"));
        }

        html.Write("</table>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Case(TextWriter html, CaseResult result)
    {
        html.Write(string.Create(CultureInfo.InvariantCulture, $"<details class=\"case\" data-passed=\"{(result.Passed ? "true" : "false")}\"><summary class=\"{(result.Passed ? "pass" : "fail")}\">{HtmlEncode(result.Id)} — {(result.Passed ? "pass" : "fail")} ({result.Score:0.###})</summary>"));
        foreach (var attempt in result.Attempts)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<p>attempt {attempt.Attempt}: {attempt.LatencyMs:0} ms, {attempt.Usage.Total} tokens{(attempt.Cached ? ", cached" : string.Empty)}{(attempt.Error is null ? string.Empty : ", error: " + HtmlEncode(attempt.Error))}</p>"));
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<pre>{HtmlEncode(attempt.Output ?? string.Empty)}</pre><table><tr><th>check</th><th>status</th><th>score</th><th>reason</th></tr>"));
            foreach (var check in attempt.Assertions)
            {
                var css = check.Status switch { AssertionStatus.Passed => "pass", AssertionStatus.NotRun or AssertionStatus.Skipped => "notrun", _ => "fail" };
                html.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{HtmlEncode(check.Type)}</td><td class=\"{css}\">{check.Status}</td><td>{(check.Score is { } s ? s.ToString("0.###", CultureInfo.InvariantCulture) : "–")}</td><td>{HtmlEncode(check.Reason)}</td></tr>"));
            }

            html.Write("</table>");
        }

        html.Write("</details>\n");
    }
}
