using Prometheus;
using ResearchAssistant.Metrics;

namespace ResearchAssistant.Endpoints;

/// <summary>GET /metrics: this application's registry in the Prometheus text format, written by prometheus-net.</summary>
public static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var exporter = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        endpoints.MapMetrics(settings => settings.Registry = exporter.Registry, "/metrics");
    }
}
