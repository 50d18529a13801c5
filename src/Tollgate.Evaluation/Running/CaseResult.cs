namespace Tollgate.Evaluation;

/// <summary>The result of a case over all its attempts.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Tags">The case tags.</param>
/// <param name="Attempts">Each attempt.</param>
/// <param name="Passed">Whether at least the required number of attempts passed.</param>
public sealed record CaseResult(string Id, IReadOnlyList<string> Tags, IReadOnlyList<AttemptResult> Attempts, bool Passed)
{
    /// <summary>The mean score over attempts.</summary>
    public double Score => Attempts.Count == 0 ? 0 : Attempts.Average(a => a.Score);

    /// <summary>The first attempt's error, if any attempt errored.</summary>
    public string? Error => Attempts.Select(a => a.Error).FirstOrDefault(e => e is not null);

    /// <summary>The mean latency over attempts.</summary>
    public double LatencyMs => Attempts.Count == 0 ? 0 : Attempts.Average(a => a.LatencyMs);

    /// <summary>Total tokens over attempts.</summary>
    public long Tokens => Attempts.Sum(a => a.Usage.Total);

    /// <summary>Total cost over attempts.</summary>
    public double CostUsd => Attempts.Sum(a => a.CostUsd);
}
