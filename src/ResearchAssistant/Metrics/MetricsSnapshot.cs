namespace ResearchAssistant.Metrics;

/// <summary>A consistent-enough copy of the metrics for one scrape, sorted so the exposition is stable.</summary>
public sealed record MetricsSnapshot(
    IReadOnlyList<(ServiceMetrics.RequestKey Key, long Count)> Requests,
    IReadOnlyList<(string Route, Histogram Histogram)> Durations,
    IReadOnlyList<(string Route, long Count)> Errors,
    long PromptTokens,
    long CompletionTokens,
    double CostUsd);
