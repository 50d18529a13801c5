namespace Tollgate.Evaluation;

/// <summary>One assertion as written in a suite: a type, its value, and how it counts.</summary>
/// <param name="Type">The assertion type, e.g. <c>icontains</c>, <c>not-regex</c>, <c>recall@k</c>, <c>llm-rubric</c>.</param>
public sealed record AssertionSpec(string Type)
{
    /// <summary>A scalar value (text, pattern, limit, criteria); templated with the case's variables.</summary>
    public string? Value { get; init; }

    /// <summary>A list value (e.g. for <c>contains-any</c>, or g-eval steps).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>A JSON schema (for <c>json-schema</c>) as JSON text.</summary>
    public string? Schema { get; init; }

    /// <summary>The minimum score (0–1) to pass; each type has a default.</summary>
    public double? Threshold { get; init; }

    /// <summary>The weight of this assertion in the case score.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Whether the gate fails when this check could not run. Model-graded checks set it to false to run offline.</summary>
    public bool Required { get; init; } = true;

    /// <summary>The cut-off for retrieval metrics (recall@k, precision@k).</summary>
    public int? K { get; init; }

    /// <summary>The metric name used in reports and gates; defaults to the type.</summary>
    public string? Metric { get; init; }

    /// <summary>
    /// The Microsoft.Extensions.AI.Evaluation evaluator of an <c>evaluator</c> assertion (created from the type named in
    /// <see cref="Value"/> when the suite loads, or set in code).
    /// </summary>
    public Microsoft.Extensions.AI.Evaluation.IEvaluator? Evaluator { get; init; }

    /// <summary>Where the assertion is defined.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Whether the type starts with <c>not-</c>.</summary>
    public bool Negated => Type.StartsWith("not-", StringComparison.Ordinal);

    /// <summary>The type without a <c>not-</c> prefix.</summary>
    public string BaseType => Negated ? Type[4..] : Type;

    /// <summary>The name used in reports and gates.</summary>
    public string MetricName => Metric ?? (K is { } k && BaseType.EndsWith("@k", StringComparison.Ordinal) ? BaseType[..^1] + k : Type);
}
