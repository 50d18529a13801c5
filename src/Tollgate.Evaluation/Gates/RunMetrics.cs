namespace Tollgate.Evaluation;

/// <summary>The metrics of a run that gates, baselines and reports use.</summary>
/// <param name="Values">Metric values: pass-rate, pass-rate:&lt;tag&gt;, score:&lt;metric&gt;, latency-p50, latency-p95, tokens-per-case, cost-per-run, cost-per-day (at one run a day).</param>
/// <param name="LowerBounds">95 % lower confidence bounds of pass-rate (Wilson) and score metrics (bootstrap).</param>
/// <param name="NotRun">Per metric, how many required checks did not run, with a reason.</param>
public sealed record RunMetrics(IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, double> LowerBounds, IReadOnlyDictionary<string, (int Count, string Reason)> NotRun)
{
    /// <summary>Computes the metrics of <paramref name="run"/>.</summary>
    public static RunMetrics Compute(EvalRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var bounds = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var cases = run.Cases;
        values["pass-rate"] = cases.Count == 0 ? 0 : run.Passed / (double)cases.Count;
        bounds["pass-rate"] = Statistics.WilsonLowerBound(run.Passed, cases.Count);
        foreach (var tag in cases.SelectMany(c => c.Tags.Select(t => (Tag: t, c.Passed))).GroupBy(x => x.Tag, StringComparer.Ordinal))
        {
            var passed = tag.Count(x => x.Passed);
            values["pass-rate:" + tag.Key] = passed / (double)tag.Count();
            bounds["pass-rate:" + tag.Key] = Statistics.WilsonLowerBound(passed, tag.Count());
        }

        var attempts = cases.SelectMany(c => c.Attempts).ToList();
        foreach (var group in attempts.SelectMany(a => a.Assertions)
                     .Where(a => a.Score is not null && a.Status is AssertionStatus.Passed or AssertionStatus.Failed)
                     .GroupBy(a => a.Metric, StringComparer.Ordinal))
        {
            var scores = group.Select(a => a.Score!.Value).ToList();
            values["score:" + group.Key] = scores.Average();
            bounds["score:" + group.Key] = Statistics.BootstrapLowerBound(scores, run.Seed);
        }

        var latencies = attempts.Where(a => a.Error is null).Select(a => a.LatencyMs).ToList();
        values["latency-p50"] = Statistics.Percentile(latencies, 50);
        values["latency-p95"] = Statistics.Percentile(latencies, 95);
        values["tokens-per-case"] = cases.Count == 0 ? 0 : cases.Sum(c => c.Tokens) / (double)cases.Count;
        var cost = cases.Sum(c => c.CostUsd);
        values["cost-per-run"] = cost;
        values["cost-per-day"] = cases.Count == 0 ? 0 : cost * run.TotalCases / cases.Count;

        var notRun = attempts.SelectMany(a => a.Assertions)
            .Where(a => a.Required && a.Status == AssertionStatus.NotRun)
            .GroupBy(a => a.Metric, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.First().Reason), StringComparer.Ordinal);
        return new RunMetrics(values, bounds, notRun);
    }
}
