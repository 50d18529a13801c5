namespace Tollgate.Evaluation;

/// <summary>What the model proxy did with one request.</summary>
public enum ModelCallOutcome
{
    /// <summary>Answered from a recording.</summary>
    Replayed,

    /// <summary>Forwarded to the provider and recorded.</summary>
    Recorded,

    /// <summary>Forwarded to the provider, not recorded (cache off).</summary>
    Forwarded,

    /// <summary>No recording and the cache is read-only (or no key to record with): the request failed.</summary>
    Missed,

    /// <summary>The provider failed, or a recording could not be read.</summary>
    Failed,
}

/// <summary>One request the system under test made to a model through the proxy.</summary>
/// <param name="TraceId">The W3C trace id of the request (the case attempt that caused it), when the service propagated it.</param>
/// <param name="Endpoint">The API path below the base URL, e.g. <c>chat/completions</c>.</param>
/// <param name="Model">The model asked for.</param>
/// <param name="Outcome">What the proxy did.</param>
/// <param name="Problem">Why it failed: the message for the case, naming the model, the first difference and the fix.</param>
public sealed record ModelCall(string? TraceId, string Endpoint, string? Model, ModelCallOutcome Outcome, string? Problem = null)
{
    /// <summary>What the caller named the request (a judge or embedding call of a case); <see langword="null"/> for the service's calls.</summary>
    public string? Label { get; init; }
}
