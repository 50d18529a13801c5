using System.Collections.Immutable;
using System.Globalization;

namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// The service's own Prometheus /metrics: the error rate or a latency percentile over the window since the previous
/// measurement, from the differences of the counters and histogram buckets between two scrapes (what
/// <c>rate()</c> and <c>histogram_quantile()</c> do in Prometheus). The first measurement's window starts at the
/// service's start, which for a freshly deployed colour is the deployment; a counter that went down (a restart)
/// counts from zero. A window without requests is no data.
/// </summary>
/// <param name="http">The HTTP client (owned by the caller).</param>
/// <param name="metricsUrl">The /metrics URL of the colour under analysis.</param>
/// <param name="metric">What to compute.</param>
/// <param name="names">Which series to read (default: ResearchAssistant's).</param>
public sealed class ServiceMetricsProvider(HttpClient http, Uri metricsUrl, ServiceMetric metric, ServiceMetricNames? names = null) : IMetricProvider
{
    private readonly ServiceMetricNames _names = names ?? ServiceMetricNames.Default;
    private ImmutableArray<PrometheusSample> _previous = [];

    /// <inheritdoc />
    public string Description => $"/metrics {metricsUrl.GetLeftPart(UriPartial.Path)} {metric}";

    /// <inheritdoc />
    public async Task<MetricReading> MeasureAsync(CancellationToken cancellationToken)
    {
        var text = await HttpSource.GetStringAsync(http, metricsUrl, null, cancellationToken).ConfigureAwait(false);
        var current = PrometheusTextParser.Parse(text);
        var previous = _previous;
        _previous = current;
        return metric switch
        {
            ServiceMetric.ErrorRate => ErrorRate(previous, current),
            ServiceMetric.LatencyP95 => Quantile(0.95, previous, current),
            _ => Quantile(0.99, previous, current),
        };
    }

    private MetricReading ErrorRate(ImmutableArray<PrometheusSample> previous, ImmutableArray<PrometheusSample> current)
    {
        var deltas = Deltas(previous, current, _names.RequestsTotal);
        if (deltas.Count == 0 && !current.Any(s => s.Name == _names.RequestsTotal))
        {
            throw new MetricProviderException($"{Description}: no series named {_names.RequestsTotal}; set the request counter's name.");
        }

        var total = deltas.Sum(d => d.Delta);
        var errors = deltas.Where(d => d.Sample.Label(_names.StatusLabel).StartsWith('5')).Sum(d => d.Delta);
        return total <= 0
            ? MetricReading.NoData("no requests in the window")
            : MetricReading.Of(errors / total, string.Create(CultureInfo.InvariantCulture, $"{errors:0} of {total:0} requests failed"));
    }

    private MetricReading Quantile(double q, ImmutableArray<PrometheusSample> previous, ImmutableArray<PrometheusSample> current)
    {
        var bucketName = _names.DurationHistogram + "_bucket";
        var deltas = Deltas(previous, current, bucketName);
        if (deltas.Count == 0 && !current.Any(s => s.Name == bucketName))
        {
            throw new MetricProviderException($"{Description}: no series named {bucketName}; set the duration histogram's name.");
        }

        // Buckets of every matching series added up by upper bound, as sum by (le) does.
        var buckets = deltas
            .GroupBy(d => ParseBound(d.Sample.Label("le")))
            .Select(g => (Bound: g.Key, Count: g.Sum(d => d.Delta)))
            .OrderBy(b => b.Bound)
            .ToList();
        var total = buckets.Count > 0 ? buckets[^1].Count : 0;
        if (total <= 0)
        {
            return MetricReading.NoData("no requests in the window");
        }

        var rank = q * total;
        var lowerBound = 0.0;
        var lowerCount = 0.0;
        foreach (var (bound, count) in buckets)
        {
            if (count >= rank)
            {
                var value = double.IsPositiveInfinity(bound)
                    ? lowerBound
                    : lowerBound + ((bound - lowerBound) * (count > lowerCount ? (rank - lowerCount) / (count - lowerCount) : 1));
                return MetricReading.Of(value, string.Create(CultureInfo.InvariantCulture, $"p{q * 100:0} of {total:0} requests"));
            }

            lowerBound = bound;
            lowerCount = count;
        }

        return MetricReading.Of(lowerBound, "beyond the last bucket");
    }

    private List<(PrometheusSample Sample, double Delta)> Deltas(ImmutableArray<PrometheusSample> previous, ImmutableArray<PrometheusSample> current, string name)
    {
        var before = previous.Where(s => s.Name == name).ToDictionary(Key, s => s.Value, StringComparer.Ordinal);
        return current
            .Where(s => s.Name == name && (_names.Route is null || s.Label(_names.RouteLabel) == _names.Route))
            .Select(s => (s, before.TryGetValue(Key(s), out var old) && old <= s.Value ? s.Value - old : s.Value))
            .ToList();
    }

    private static string Key(PrometheusSample sample) =>
        string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    private static double ParseBound(string le) =>
        le is "+Inf" or "Inf" ? double.PositiveInfinity : double.Parse(le, NumberStyles.Float, CultureInfo.InvariantCulture);
}
