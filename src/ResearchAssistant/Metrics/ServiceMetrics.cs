using System.Collections.Concurrent;

namespace ResearchAssistant.Metrics;

/// <summary>
/// The service's metrics: requests by route, method and status; request duration per route; LLM tokens and cost;
/// errors by route. One instance per application (a DI singleton), safe to update from concurrent requests.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>Upper bounds of the request duration histogram, in seconds.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly ConcurrentDictionary<RequestKey, Counter> _requests = new();
    private readonly ConcurrentDictionary<string, Histogram> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counter> _errors = new(StringComparer.Ordinal);
    private long _promptTokens;
    private long _completionTokens;
    private double _costUsd;

    public void RecordRequest(string route, string method, int status, double seconds)
    {
        _requests.GetOrAdd(new RequestKey(route, method, status), _ => new Counter()).Increment();
        _durations.GetOrAdd(route, _ => new Histogram(DurationBuckets)).Observe(seconds);
    }

    public void RecordError(string route) => _errors.GetOrAdd(route, _ => new Counter()).Increment();

    public void RecordLlmUsage(long promptTokens, long completionTokens, decimal costUsd)
    {
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
        AtomicDouble.Add(ref _costUsd, (double)costUsd);
    }

    public MetricsSnapshot Snapshot() => new(
        _requests.Select(p => (p.Key, p.Value.Value)).OrderBy(x => x.Key.Route, StringComparer.Ordinal).ThenBy(x => x.Key.Method, StringComparer.Ordinal).ThenBy(x => x.Key.Status).ToList(),
        _durations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList(),
        _errors.Select(p => (p.Key, p.Value.Value)).OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
        Interlocked.Read(ref _promptTokens),
        Interlocked.Read(ref _completionTokens),
        Volatile.Read(ref _costUsd));

    public readonly record struct RequestKey(string Route, string Method, int Status);

    private sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
