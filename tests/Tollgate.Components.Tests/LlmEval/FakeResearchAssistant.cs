using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tollgate.TestSupport.Http;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// A stand-in for the ResearchAssistant service (a POST /query route on a <see cref="LoopbackHttpServer"/>; the model
/// behind it cannot be had here), speaking its wire protocol: {"question"} answers
/// {"answer","citations","model","usage","latencyMs","retrieved"}. It answers every known question correctly except
/// the <c>wrong</c> ones, and counts the requests it receives.
/// </summary>
internal sealed class FakeResearchAssistant : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private FakeResearchAssistant(LoopbackHttpServer server) => _server = server;

    /// <summary>The POST /query URL.</summary>
    public Uri QueryUrl => _server.Url("query");

    /// <summary>How many requests arrived.</summary>
    public int Requests => _server.RequestCount;

    /// <summary>Starts a server that answers the cases with these ids wrongly (no keyword, the wrong document).</summary>
    public static Task<FakeResearchAssistant> StartAsync(params string[] wrongCaseIds) => StartAsync(wrongCaseIds, leak: null, "gpt-4o-mini");

    /// <summary>Starts a server that answers correctly but appends <paramref name="secret"/> to every answer.</summary>
    public static Task<FakeResearchAssistant> StartLeakingAsync(string secret) => StartAsync([], secret, "gpt-4o-mini");

    /// <summary>Starts a server that answers correctly and reports <paramref name="model"/> as the model that answered.</summary>
    public static Task<FakeResearchAssistant> StartWithModelAsync(string model) => StartAsync([], leak: null, model);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task<FakeResearchAssistant> StartAsync(string[] wrongCaseIds, string? leak, string model)
    {
        HashSet<string> wrong = [.. wrongCaseIds];
        return new(await LoopbackHttpServer.StartAsync(app => app.MapPost("/query", async (HttpContext context) =>
        {
            var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var question = request?["question"]?.GetValue<string>() ?? string.Empty;
            var known = EvalCases.All.FirstOrDefault(c => c.Question == question);
            var correct = known is not null && !wrong.Contains(known.Id);
            var answer = correct ? $"{known!.Keyword}, according to {known.DocumentId}." : "I could not find that in the documents.";
            answer += leak is null ? string.Empty : $" (debug: key {leak})";
            var document = correct ? known!.DocumentId : "doc-999";
            var body = new JsonObject
            {
                ["answer"] = answer,
                ["citations"] = new JsonArray(document),
                ["model"] = model,
                ["usage"] = new JsonObject { ["promptTokens"] = 400, ["completionTokens"] = 40 },
                ["latencyMs"] = 3,
                ["retrieved"] = new JsonArray(new JsonObject { ["id"] = document, ["score"] = 0.91 }, new JsonObject { ["id"] = "doc-001", ["score"] = 0.42 }),
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Web), context.RequestAborted);
        })));
    }
}
