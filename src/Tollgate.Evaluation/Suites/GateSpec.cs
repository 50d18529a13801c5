namespace Tollgate.Evaluation;

/// <summary>
/// A suite gate: a metric and its bound. Metrics: <c>pass-rate</c>, <c>pass-rate:&lt;tag&gt;</c>, <c>score:&lt;metric&gt;</c> (mean score of an
/// assertion metric, e.g. <c>score:recall@5</c>), <c>latency-p50</c>, <c>latency-p95</c> (ms), <c>tokens-per-case</c>,
/// <c>cost-per-run</c> and <c>cost-per-day</c> (USD, projected with <see cref="RunsPerDay"/>).
/// </summary>
/// <param name="Metric">The metric name.</param>
public sealed record GateSpec(string Metric)
{
    /// <summary>The lowest passing value.</summary>
    public double? Min { get; init; }

    /// <summary>The highest passing value.</summary>
    public double? Max { get; init; }

    /// <summary>Runs per day, for <c>cost-per-day</c>.</summary>
    public double RunsPerDay { get; init; } = 1;

    /// <summary>Where the gate is defined.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The metrics a gate can name (besides <c>score:&lt;metric&gt;</c>).</summary>
    public static IReadOnlyList<string> KnownMetrics { get; } =
        ["pass-rate", "latency-p50", "latency-p95", "tokens-per-case", "cost-per-run", "cost-per-day"];
}
