namespace ResearchAssistant.Endpoints;

/// <summary>Body of POST /query.</summary>
public sealed record QueryRequest(string? Question);

/// <summary>Body of a successful POST /query response.</summary>
public sealed record QueryResponse(
    string Answer,
    IReadOnlyList<string> Citations,
    string Model,
    UsageResponse Usage,
    double LatencyMs,
    IReadOnlyList<RetrievedResponse> Retrieved);

/// <summary>Tokens used by the language model for one answer (0 for the offline answerer).</summary>
public sealed record UsageResponse(long PromptTokens, long CompletionTokens);

/// <summary>
/// One retrieved passage in rank order: its document id, BM25 score, and the text the model was given (so an evaluation
/// can judge the answer's faithfulness to its context).
/// </summary>
public sealed record RetrievedResponse(string Id, double Score, string Text);

/// <summary>Body of GET /health.</summary>
public sealed record HealthResponse(string Status, string Version, string Model, string PromptVersion, int Documents);
