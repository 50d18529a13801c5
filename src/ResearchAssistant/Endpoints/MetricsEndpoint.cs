using ResearchAssistant.Metrics;

namespace ResearchAssistant.Endpoints;

/// <summary>GET /metrics: Prometheus text exposition of <see cref="ServiceMetrics"/>.</summary>
public static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", (ServiceMetrics metrics) =>
            Results.Text(PrometheusTextWriter.Write(metrics.Snapshot()), PrometheusTextWriter.ContentType));
}
