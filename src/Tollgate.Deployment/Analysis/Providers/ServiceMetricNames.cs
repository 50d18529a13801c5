namespace Tollgate.Deployment.Analysis.Providers;

/// <summary>
/// Which series of the service's /metrics hold requests and durations. The defaults are ResearchAssistant's; for
/// prometheus-net's ASP.NET Core middleware use <c>http_requests_received_total</c>, <c>code</c> and
/// <c>http_request_duration_seconds</c>.
/// </summary>
/// <param name="RequestsTotal">The request counter, labelled with the status code.</param>
/// <param name="StatusLabel">The status code label of the counter.</param>
/// <param name="DurationHistogram">The duration histogram's base name (its <c>_bucket</c> series are read).</param>
/// <param name="RouteLabel">The label that names the route, for <paramref name="Route"/>.</param>
/// <param name="Route">Only this route (e.g. <c>/query</c>), or null for every route.</param>
public sealed record ServiceMetricNames(
    string RequestsTotal = "research_assistant_requests_total",
    string StatusLabel = "status",
    string DurationHistogram = "research_assistant_request_duration_seconds",
    string RouteLabel = "route",
    string? Route = null)
{
    /// <summary>ResearchAssistant's series, every route.</summary>
    public static ServiceMetricNames Default { get; } = new();
}
