namespace Tollgate.Evaluation;

/// <summary>Baseline tolerances and cost approval.</summary>
public sealed record GateOptions
{
    /// <summary>Default tolerances: metrics may drop 5 %, tokens per case rise 10 %, cost rise 20 %.</summary>
    public static GateOptions Default { get; } = new();

    /// <summary>The relative drop a pass rate or score may show against the baseline.</summary>
    public double MetricTolerance { get; init; } = 0.05;

    /// <summary>The relative rise tokens per case may show.</summary>
    public double TokenTolerance { get; init; } = 0.10;

    /// <summary>The relative rise the cost per run may show without approval.</summary>
    public double CostTolerance { get; init; } = 0.20;

    /// <summary>Whether a larger cost increase is approved (parameter or the PR label <c>cost-increase-approved</c>).</summary>
    public bool CostIncreaseApproved { get; init; }

    /// <summary>Returns a copy with the cost approval set.</summary>
    public GateOptions WithCostIncreaseApproved(bool approved = true) => this with { CostIncreaseApproved = approved };

    /// <summary>Returns a copy with a metric tolerance.</summary>
    public GateOptions WithMetricTolerance(double tolerance) => this with { MetricTolerance = tolerance };
}
