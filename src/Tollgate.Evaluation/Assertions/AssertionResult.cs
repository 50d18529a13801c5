namespace Tollgate.Evaluation;

/// <summary>The result of one assertion on one attempt of a case.</summary>
/// <param name="Type">The assertion type.</param>
/// <param name="Metric">The metric name used by reports and gates.</param>
/// <param name="Status">What happened.</param>
/// <param name="Score">The score in 0–1 when the check ran.</param>
/// <param name="Reason">Why it passed, failed or did not run.</param>
public sealed record AssertionResult(string Type, string Metric, AssertionStatus Status, double? Score, string Reason)
{
    /// <summary>The weight in the case score.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Tokens a judge used for this check.</summary>
    public TokenUsage? JudgeUsage { get; init; }

    /// <summary>Whether the check is required to run.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Whether this result lets its attempt pass: passed, skipped, or an optional check that did not run.</summary>
    public bool Permits => Status is AssertionStatus.Passed or AssertionStatus.Skipped || (Status == AssertionStatus.NotRun && !Required);
}
