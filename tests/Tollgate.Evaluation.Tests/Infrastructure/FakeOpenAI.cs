using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tollgate.Evaluation.Tests;

/// <summary>A chat request as the fake server received it.</summary>
public sealed record ChatCall(string Model, IReadOnlyList<(string Role, string Content)> Messages, bool JsonMode)
{
    public string User => Messages.Last(m => m.Role == "user").Content;

    public string System => Messages.FirstOrDefault(m => m.Role == "system").Content ?? string.Empty;
}

/// <summary>What the fake server answers: a completion, or an HTTP error, optionally after a delay.</summary>
public sealed record FakeReply(string? Content = null, int Status = 200, TimeSpan? Delay = null, string? RetryAfter = null, int PromptTokens = 20, int CompletionTokens = 8)
{
    public static FakeReply Text(string content) => new(content);

    public static FakeReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);
}

/// <summary>
/// An OpenAI-compatible server speaking the real wire format (/v1/chat/completions, /v1/embeddings, usage fields),
/// scripted per test.
/// </summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeOpenAI(LoopbackServer server) => _server = server;

    public ConcurrentQueue<ChatCall> ChatCalls { get; } = new();

    public Uri BaseUrl => new(_server.BaseAddress, "/v1");

    public int RequestCount => _server.RequestCount;

    public int MaxInFlight => _server.MaxInFlight;

    public static async Task<FakeOpenAI> StartAsync(Func<ChatCall, int, FakeReply> chat, Func<string, float[]>? embed = null)
    {
        FakeOpenAI? fake = null;
        var calls = 0;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", async (HttpContext context) =>
            {
                var body = await JsonNode.ParseAsync(context.Request.Body);
                var call = new ChatCall(
                    body!["model"]!.GetValue<string>(),
                    [.. body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"])))],
                    body["response_format"]?["type"]?.GetValue<string>() == "json_object");
                fake!.ChatCalls.Enqueue(call);
                var reply = chat(call, Interlocked.Increment(ref calls));
                await WriteAsync(context, reply, () => new JsonObject
                {
                    ["id"] = "chatcmpl-" + calls,
                    ["object"] = "chat.completion",
                    ["created"] = 1_700_000_000,
                    ["model"] = call.Model,
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = new JsonObject
                    {
                        ["prompt_tokens"] = reply.PromptTokens,
                        ["completion_tokens"] = reply.CompletionTokens,
                        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
                    },
                });
            });
            app.MapPost("/v1/embeddings", async (HttpContext context) =>
            {
                var body = await JsonNode.ParseAsync(context.Request.Body);
                var inputs = body!["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
                var data = new JsonArray([.. inputs.Select((text, i) => (JsonNode)new JsonObject
                {
                    ["object"] = "embedding",
                    ["index"] = i,
                    ["embedding"] = new JsonArray([.. (embed ?? DefaultEmbedding)(text).Select(v => (JsonNode)JsonValue.Create(v))]),
                })]);
                var tokens = inputs.Sum(t => t.Length / 4);
                await WriteAsync(context, new FakeReply(), () => new JsonObject
                {
                    ["object"] = "list",
                    ["data"] = data,
                    ["model"] = body["model"]!.GetValue<string>(),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
                });
            });
        });
        fake = new FakeOpenAI(server);
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task WriteAsync(HttpContext context, FakeReply reply, Func<JsonObject> body)
    {
        if (reply.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers["Retry-After"] = reply.RetryAfter;
        }

        if (reply.Status != 200)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {reply.Status}", type = "server_error" } });
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body().ToJsonString());
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        null => string.Empty,
        _ => content.GetValue<string>(),
    };

    private static float[] DefaultEmbedding(string text)
    {
        // A bag-of-letters vector: texts with the same words are similar, unrelated texts are not.
        var vector = new float[26];
        foreach (var c in text.ToUpperInvariant().Where(char.IsAsciiLetterUpper))
        {
            vector[c - 'A']++;
        }

        return vector;
    }
}
