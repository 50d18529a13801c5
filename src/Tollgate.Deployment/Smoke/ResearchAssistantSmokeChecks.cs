using System.Collections.Immutable;
using System.Text.Json;

namespace Tollgate.Deployment.Smoke;

/// <summary>The smoke checks of ResearchAssistant: health, one fixed question answered with a citation, and metrics.</summary>
public static class ResearchAssistantSmokeChecks
{
    /// <summary>The fixed question: the pricing document answers it offline and with a model.</summary>
    public const string DefaultQuestion = "How much does the Team plan cost per seat per month?";

    /// <summary>GET /health (200, status healthy), POST /query (200, an answer citing a document), GET /metrics (200, named series).</summary>
    public static ImmutableArray<SmokeCheck> Create(string question = DefaultQuestion) =>
    [
        SmokeCheck.Get("health", "/health", new JsonFieldEquals("status", "healthy")),
        SmokeCheck.PostJson("query", "/query", JsonSerializer.Serialize(new Dictionary<string, string> { ["question"] = question }), new JsonFieldNotEmpty("answer"), new JsonFieldNotEmpty("citations")),
        SmokeCheck.Get("metrics", "/metrics", new MetricSeriesPresent("research_assistant_requests_total"), new MetricSeriesPresent("research_assistant_request_duration_seconds_bucket")),
    ];
}
