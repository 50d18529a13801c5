namespace Tollgate.Evaluation;

/// <summary>Whether a gate row passed.</summary>
public enum GateStatus
{
    /// <summary>Within its threshold and baseline tolerance (or only informational).</summary>
    Passed,

    /// <summary>Outside its threshold, or regressed against the baseline.</summary>
    Failed,
}

/// <summary>One row of the gate table: metric | value | threshold | baseline | delta | status.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Threshold">The gate's bound as text (e.g. <c>≥ 0.9 (95 % lower bound 0.87)</c>), or empty.</param>
/// <param name="BaselineValue">The baseline's value.</param>
/// <param name="Delta">The relative change against the baseline.</param>
/// <param name="Status">Passed or failed.</param>
/// <param name="Message">Why it failed, or an empty string.</param>
public sealed record GateOutcome(string Metric, double Value, string Threshold, double? BaselineValue, double? Delta, GateStatus Status, string Message);

/// <summary>The outcome of all gates.</summary>
/// <param name="Outcomes">One row per metric.</param>
/// <param name="Metrics">The metrics they were computed from.</param>
public sealed record GateReport(IReadOnlyList<GateOutcome> Outcomes, RunMetrics Metrics)
{
    /// <summary>Whether every gate passed.</summary>
    public bool Passed => Outcomes.All(o => o.Status == GateStatus.Passed);

    /// <summary>The failure messages.</summary>
    public IReadOnlyList<string> Failures => [.. Outcomes.Where(o => o.Status == GateStatus.Failed).Select(o => $"{o.Metric}: {o.Message}")];
}
