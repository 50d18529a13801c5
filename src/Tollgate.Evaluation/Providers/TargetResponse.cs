namespace Tollgate.Evaluation;

/// <summary>What the system under test answered for one case.</summary>
/// <param name="Output">The answer text.</param>
public sealed record TargetResponse(string Output)
{
    /// <summary>Ids of the documents the system retrieved, best first.</summary>
    public IReadOnlyList<string> RetrievedIds { get; init; } = [];

    /// <summary>Texts of the documents the system retrieved, best first.</summary>
    public IReadOnlyList<string> RetrievedTexts { get; init; } = [];

    /// <summary>Token usage.</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.None;

    /// <summary>The model that answered, when reported.</summary>
    public string? Model { get; init; }

    /// <summary>Wall-clock latency of the call in milliseconds (of the original call, for a cached response).</summary>
    public double LatencyMs { get; init; }

    /// <summary>Whether the response came from the cache.</summary>
    public bool Cached { get; init; }
}
