using System.Globalization;

namespace Tollgate.Evaluation;

/// <summary>
/// Decides a run's gates: the suite's bounds (on 95 % lower confidence bounds when the run repeats or samples), required
/// checks that did not run, and regressions against the baseline (metrics −5 %, tokens +10 %, cost +20 % unless approved).
/// </summary>
public sealed class GateEvaluator(GateOptions options)
{
    private static readonly string[] StandardMetrics = ["pass-rate", "latency-p50", "latency-p95", "tokens-per-case", "cost-per-run"];

    /// <summary>Evaluates the gates of <paramref name="suite"/> for <paramref name="run"/>.</summary>
    public GateReport Evaluate(EvalSuite suite, EvalRunResult run, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(run);
        var metrics = RunMetrics.Compute(run);
        var names = StandardMetrics
            .Concat(metrics.Values.Keys.Where(k => k.StartsWith("score:", StringComparison.Ordinal)))
            .Concat(suite.Gates.Select(g => g.Metric))
            .Concat(baseline?.Metrics.Keys.Where(k => k.StartsWith("score:", StringComparison.Ordinal)) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var outcomes = names.Select(name => Row(name, suite, run, metrics, baseline)).ToList();
        outcomes.Add(RequiredChecks(metrics));
        return new GateReport(outcomes, metrics);
    }

    private GateOutcome Row(string metric, EvalSuite suite, EvalRunResult run, RunMetrics metrics, Baseline? baseline)
    {
        var gates = suite.Gates.Where(g => g.Metric == metric).ToList();
        if (!metrics.Values.TryGetValue(metric, out var value))
        {
            if (gates.Count == 0)
            {
                return new GateOutcome(metric, double.NaN, string.Empty, Lookup(baseline, metric), null, GateStatus.Passed, "not measured in this run");
            }

            var suggestion = NameSuggestions.Closest(metric, metrics.Values.Keys);
            return new GateOutcome(metric, double.NaN, Bounds(metric, gates[0]), Lookup(baseline, metric), null, GateStatus.Failed,
                $"no check produced this metric (at {gates[0].Location})" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
        }

        var failures = new List<string>();
        var thresholds = new List<string>();
        foreach (var gate in gates)
        {
            var measured = metric == "cost-per-day" ? value * gate.RunsPerDay : value;
            var useBound = (run.IsStatistical || metric.StartsWith("pass-rate:", StringComparison.Ordinal)) && gate.Min is not null && metrics.LowerBounds.ContainsKey(metric);
            var compared = useBound ? metrics.LowerBounds[metric] : measured;
            thresholds.Add(Bounds(metric, gate) + (useBound ? $" (95 % lower bound {ReportFormat.Value(metric, compared)})" : string.Empty));
            if (gate.Min is { } min && compared < min)
            {
                failures.Add(useBound
                    ? $"the 95 % lower bound {ReportFormat.Value(metric, compared)} is below {ReportFormat.Value(metric, min)} (point estimate {ReportFormat.Value(metric, measured)}; run more cases or repeats to narrow it)"
                    : $"{ReportFormat.Value(metric, measured)} is below the minimum {ReportFormat.Value(metric, min)}");
            }

            if (gate.Max is { } max && measured > max)
            {
                failures.Add($"{ReportFormat.Value(metric, measured)} is above the maximum {ReportFormat.Value(metric, max)}");
            }
        }

        var baselineValue = Lookup(baseline, metric);
        double? delta = baselineValue is { } b && b != 0 ? (value - b) / Math.Abs(b) : null;
        if (delta is { } d && Regression(metric, d) is { } regression)
        {
            failures.Add(regression);
        }

        // cost-per-day is measured at one run a day; show it at the gate's runs per day, as compared.
        var shown = metric == "cost-per-day" && gates.Count > 0 ? value * gates[0].RunsPerDay : value;
        return new GateOutcome(metric, shown, string.Join("; ", thresholds), baselineValue is { } bv && metric == "cost-per-day" && gates.Count > 0 ? bv * gates[0].RunsPerDay : baselineValue, delta,
            failures.Count == 0 ? GateStatus.Passed : GateStatus.Failed, string.Join("; ", failures));
    }

    private string? Regression(string metric, double delta)
    {
        if ((metric == "pass-rate" || metric.StartsWith("score:", StringComparison.Ordinal)) && delta < -options.MetricTolerance)
        {
            return Invariant($"dropped {-delta:P1} against the baseline (tolerance {options.MetricTolerance:P0})");
        }

        if (metric == "tokens-per-case" && delta > options.TokenTolerance)
        {
            return Invariant($"rose {delta:P1} against the baseline (tolerance {options.TokenTolerance:P0})");
        }

        if (metric == "cost-per-run" && delta > options.CostTolerance && !options.CostIncreaseApproved)
        {
            return Invariant($"rose {delta:P1} against the baseline (tolerance {options.CostTolerance:P0}); approve with the cost approval parameter or the PR label '{CostApproval.Label}'");
        }

        return null;
    }

    private static GateOutcome RequiredChecks(RunMetrics metrics)
    {
        var count = metrics.NotRun.Values.Sum(v => v.Count);
        var message = string.Join("; ", metrics.NotRun.Select(kv => $"{kv.Key} did not run {kv.Value.Count}× ({kv.Value.Reason})"));
        return new GateOutcome("required-checks-not-run", count, "= 0", null, null,
            count == 0 ? GateStatus.Passed : GateStatus.Failed, count == 0 ? string.Empty : message + "; mark optional checks required: false");
    }

    private static double? Lookup(Baseline? baseline, string metric) =>
        baseline?.Metrics.TryGetValue(metric, out var value) == true ? value : null;

    // In the metric's own unit (a rate as a percentage, latency in ms), so a report shows value and threshold alike.
    private static string Bounds(string metric, GateSpec gate) =>
        string.Join(" and ", new[] { gate.Min is { } min ? $"≥ {ReportFormat.Value(metric, min)}" : null, gate.Max is { } max ? $"≤ {ReportFormat.Value(metric, max)}" : null }.Where(s => s is not null));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
