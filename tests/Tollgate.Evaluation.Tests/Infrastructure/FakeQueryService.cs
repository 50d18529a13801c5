using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tollgate.Evaluation.Tests;

/// <summary>A stand-in for the ResearchAssistant service's POST /query, answering from a script per question.</summary>
public static class FakeQueryService
{
    public sealed record Answer(string Text, IReadOnlyList<string> Retrieved, TimeSpan? Delay = null, IReadOnlyList<string>? RetrievedTexts = null);

    public static Task<LoopbackHttpServer> StartAsync(Func<string, Answer> answer) => LoopbackHttpServer.StartAsync(app =>
        app.MapPost("/query", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var question = body!["question"]!.GetValue<string>();
            var reply = answer(question);
            if (reply.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            return Results.Json(new
            {
                answer = reply.Text,
                citations = reply.Retrieved.Take(2),
                model = "gpt-4o-mini",
                usage = new { promptTokens = 100, completionTokens = 20 },
                latencyMs = 5,
                retrieved = reply.Retrieved.Select((id, i) => new { id, score = 1.0 - (i * 0.1), text = reply.RetrievedTexts?.ElementAtOrDefault(i) ?? string.Empty }),
            });
        }));
}
