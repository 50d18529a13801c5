using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;

namespace Tollgate.Components.BlueGreenProd;

/// <summary>
/// The pre- and post-promotion analyses the parameters describe: error rate (the colour's /metrics, or a PromQL query
/// when a Prometheus server is given), p99 latency when a limit is set, and a sampled quality check when a minimum
/// score is set. A window without requests is tolerated (a quiet service is not rolled back for silence).
/// </summary>
internal sealed class BlueGreenAnalysisTemplates(IBlueGreenProd build, HttpClient http)
{
    private TimeSpan Interval => build.AnalysisInterval ?? TimeSpan.FromSeconds(10);

    private double MaxErrorRate => build.MaxErrorRate ?? 0.01;

    public AnalysisTemplate PrePromotion(Uri previewUrl)
    {
        var count = build.PrePromotionCount ?? 3;
        // The quality sample runs first so the preview has traffic when its error rate is measured.
        var metrics = new List<AnalysisMetric>();
        if (build.MinQualityScore is { } minScore)
        {
            metrics.Add(new AnalysisMetric("quality", new QualityCheckProvider(build.QualitySampler, previewUrl)) { SuccessCondition = MetricCondition.AtLeast(minScore) });
        }

        metrics.AddRange(ServiceMetrics(previewUrl, count, TimeSpan.FromSeconds(1)));
        return new AnalysisTemplate("pre-promotion", [.. metrics]);
    }

    public AnalysisTemplate PostPromotion(Uri stableUrl)
    {
        var duration = build.PostPromotionDuration ?? TimeSpan.FromMinutes(5);
        var count = Math.Max(1, (int)Math.Round(duration / Interval));
        var metrics = new List<AnalysisMetric>(ServiceMetrics(stableUrl, count, Interval));
        if (build.MinQualityScore is { } minScore)
        {
            metrics.Add(new AnalysisMetric("quality", new QualityCheckProvider(build.QualitySampler, stableUrl)) { SuccessCondition = MetricCondition.AtLeast(minScore), InitialDelay = Interval });
        }

        return new AnalysisTemplate("post-promotion", [.. metrics]);
    }

    private IEnumerable<AnalysisMetric> ServiceMetrics(Uri url, int count, TimeSpan initialDelay)
    {
        var metricsUrl = new Uri(url, "/metrics");
        IMetricProvider errors = build.PrometheusUrl is { } prometheus
            ? new PrometheusQueryProvider(http, new Uri(prometheus), "sum(rate(research_assistant_requests_total{status=~\"5..\"}[1m])) / sum(rate(research_assistant_requests_total[1m]))")
            : new ServiceMetricsProvider(http, metricsUrl, ServiceMetric.ErrorRate);
        yield return new AnalysisMetric("error-rate", errors)
        {
            Count = count,
            Interval = Interval,
            InitialDelay = initialDelay,
            SuccessCondition = MetricCondition.AtMost(MaxErrorRate),
            InconclusiveLimit = count,
        };
        if (build.MaxP99Latency is { } maxP99)
        {
            yield return new AnalysisMetric("p99-latency", new ServiceMetricsProvider(http, metricsUrl, ServiceMetric.LatencyP99))
            {
                Count = count,
                Interval = Interval,
                InitialDelay = initialDelay,
                FailureCondition = MetricCondition.GreaterThan(maxP99),
                InconclusiveLimit = count,
            };
        }
    }
}
