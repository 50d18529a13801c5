using ResearchAssistant.Configuration;
using ResearchAssistant.Documents;

namespace ResearchAssistant.Endpoints;

/// <summary>GET /health: liveness plus what is serving (version, model label, prompt version). Never shows secrets.</summary>
public static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", (AssistantSettings settings, DocumentStore documents) =>
            Results.Ok(new HealthResponse("healthy", settings.ServiceVersion, settings.ModelLabel, settings.PromptVersion, documents.Documents.Count)));
}
