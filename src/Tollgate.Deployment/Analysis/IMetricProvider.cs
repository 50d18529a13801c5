namespace Tollgate.Deployment.Analysis;

/// <summary>Takes one measurement of a metric (a Prometheus query, a JSON endpoint, the service's own /metrics, ...).</summary>
public interface IMetricProvider
{
    /// <summary>What the provider measures, for the summary (e.g. <c>prometheus: sum(rate(...))</c>).</summary>
    string Description { get; }

    /// <summary>
    /// Measures once. A result with no value means the source had no data for the window (an inconclusive
    /// measurement); a <see cref="MetricProviderException"/> means the measurement could not be taken (an error).
    /// </summary>
    Task<MetricReading> MeasureAsync(CancellationToken cancellationToken);
}
