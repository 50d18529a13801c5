namespace Tollgate.Evaluation;

/// <summary>One attempt at a case: the response and every assertion's result.</summary>
/// <param name="Attempt">The 1-based attempt number.</param>
/// <param name="Output">The answer, if any.</param>
/// <param name="Assertions">Assertion results.</param>
public sealed record AttemptResult(int Attempt, string? Output, IReadOnlyList<AssertionResult> Assertions)
{
    /// <summary>Retrieved document ids.</summary>
    public IReadOnlyList<string> RetrievedIds { get; init; } = [];

    /// <summary>Latency in ms.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Token usage.</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.None;

    /// <summary>Tokens the judge used for this attempt's checks.</summary>
    public TokenUsage JudgeUsage { get; init; } = TokenUsage.None;

    /// <summary>Cost in USD of the system's call and the judge's calls.</summary>
    public double CostUsd { get; init; }

    /// <summary>The model that answered.</summary>
    public string? Model { get; init; }

    /// <summary>Whether the response came from the cache.</summary>
    public bool Cached { get; init; }

    /// <summary>Why the attempt errored (provider failure, cache miss), if it did.</summary>
    public string? Error { get; init; }

    /// <summary>Passed: no error and every assertion passed, was skipped, or was optional and did not run.</summary>
    public bool Passed => Error is null && Assertions.All(a => a.Permits);

    /// <summary>The weighted mean score of the checks that ran (0 when the attempt errored).</summary>
    public double Score
    {
        get
        {
            var scored = Assertions.Where(a => a.Score is not null && a.Status is AssertionStatus.Passed or AssertionStatus.Failed).ToList();
            var weight = scored.Sum(a => a.Weight);
            return Error is not null ? 0 : weight == 0 ? (Passed ? 1 : 0) : scored.Sum(a => a.Score!.Value * a.Weight) / weight;
        }
    }
}
