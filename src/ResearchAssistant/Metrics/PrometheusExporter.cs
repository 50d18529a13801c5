using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace ResearchAssistant.Metrics;

/// <summary>
/// Exports this application's <see cref="ServiceMetrics"/> as Prometheus series in its own prometheus-net registry
/// (one per application instance). prometheus-net writes the exposition (escaping, cumulative buckets, +Inf, _sum,
/// _count); this class only listens to the meter and feeds the matching prometheus-net collector.
/// </summary>
/// <remarks>
/// Hand-written on purpose: prometheus-net's own MeterAdapter publishes every .NET counter as a Prometheus gauge and drops
/// series after five idle minutes, which would break <c>rate()</c> and the error-rate and latency analysis of a
/// blue-green rollout. Here counters stay counters, label order is fixed, and the buckets are the service's.
/// </remarks>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Upper bounds of the request duration histogram, in seconds.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, Sink> _sinks;

    public PrometheusExporter(ServiceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        var requests = factory.CreateCounter("research_assistant_requests_total", "HTTP requests handled, by route template, method and status code.", "route", "method", "status");
        var duration = factory.CreateHistogram("research_assistant_request_duration_seconds", "HTTP request duration in seconds, by route template.", new HistogramConfiguration
        {
            LabelNames = ["route"],
            Buckets = [.. DurationBuckets],
        });
        var tokens = factory.CreateCounter("research_assistant_llm_tokens_total", "Language model tokens consumed, by type (prompt or completion).", "type");
        var cost = factory.CreateCounter("research_assistant_llm_cost_usd_total", "Estimated language model cost in US dollars from the configured price table.");
        var errors = factory.CreateCounter("research_assistant_errors_total", "Requests that failed with a server error (5xx or an unhandled exception), by route template.", "route");

        // Series that a dashboard or a rollout analysis divides by exist from the start, at zero.
        tokens.WithLabels("prompt");
        tokens.WithLabels("completion");
        errors.WithLabels("/query");

        _sinks = new Dictionary<string, Sink>(StringComparer.Ordinal)
        {
            [ServiceMetrics.Instruments.Requests] = new(requests.LabelNames, (labels, value) => requests.WithLabels(labels).Inc(value)),
            [ServiceMetrics.Instruments.RequestDuration] = new(duration.LabelNames, (labels, value) => duration.WithLabels(labels).Observe(value)),
            [ServiceMetrics.Instruments.LlmTokens] = new(tokens.LabelNames, (labels, value) => tokens.WithLabels(labels).Inc(value)),
            [ServiceMetrics.Instruments.LlmCost] = new(cost.LabelNames, (_, value) => cost.Inc(value)),
            [ServiceMetrics.Instruments.Errors] = new(errors.LabelNames, (labels, value) => errors.WithLabels(labels).Inc(value)),
        };

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The meter object, not its name: another application in the process has a meter of the same name.
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && _sinks.TryGetValue(instrument.Name, out var sink))
            {
                listener.EnableMeasurementEvents(instrument, sink);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Sink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Sink)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>This application's registry; GET /metrics exports it.</summary>
    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public void Dispose() => _listener.Dispose();

    private sealed class Sink(string[] labelNames, Action<string[], double> record)
    {
        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new string[labelNames.Length];
            for (var i = 0; i < labelNames.Length; i++)
            {
                labels[i] = string.Empty;
                foreach (var tag in tags)
                {
                    if (tag.Key == labelNames[i])
                    {
                        labels[i] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                        break;
                    }
                }
            }

            record(labels, value);
        }
    }
}
