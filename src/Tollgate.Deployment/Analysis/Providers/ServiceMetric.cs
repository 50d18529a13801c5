namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>What <see cref="ServiceMetricsProvider"/> computes from the service's /metrics over the window.</summary>
public enum ServiceMetric
{
    /// <summary>Server errors (status 5xx) divided by requests.</summary>
    ErrorRate,

    /// <summary>The 95th percentile request duration in seconds, from the histogram buckets.</summary>
    LatencyP95,

    /// <summary>The 99th percentile request duration in seconds, from the histogram buckets.</summary>
    LatencyP99,
}
