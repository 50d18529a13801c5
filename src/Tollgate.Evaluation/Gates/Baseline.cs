namespace Tollgate.Evaluation;

/// <summary>A case's result in the baseline.</summary>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Score">Its score.</param>
/// <param name="Output">Its answer (for pairwise checks).</param>
/// <param name="LatencyMs">Its latency.</param>
/// <param name="Tokens">Its tokens.</param>
/// <param name="CostUsd">Its cost.</param>
/// <param name="Metrics">Per-metric scores.</param>
public sealed record BaselineCase(bool Passed, double Score, string? Output, double LatencyMs, long Tokens, double CostUsd, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// The accepted results of a suite (<c>evals/&lt;suite&gt;.baseline.json</c>): per-metric values, tokens and cost, and
/// per-case results. Gates fail on regressions against it.
/// </summary>
/// <param name="Suite">The suite name.</param>
/// <param name="Created">When it was written.</param>
/// <param name="Metrics">Metric values (pass-rate, score:*, latency-p50, ...).</param>
/// <param name="Cases">Per-case results by id.</param>
public sealed record Baseline(string Suite, DateTimeOffset Created, IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, BaselineCase> Cases);
