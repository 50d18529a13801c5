using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tollgate.TestSupport.Http;

/// <summary>A chat completions request as the fake provider received it.</summary>
public sealed record OpenAIChatRequest(JsonObject Body, string Authorization, string TraceParent)
{
    /// <summary>The requested model.</summary>
    public string Model => Body["model"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The messages as (role, text); content parts are joined.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. (Body["messages"]?.AsArray() ?? []).Select(m => (m?["role"]?.GetValue<string>() ?? string.Empty, ContentOf(m?["content"])))];

    /// <summary>Whether the request asks for JSON (a judge's response_format).</summary>
    public bool JsonMode => Body["response_format"]?["type"]?.GetValue<string>() is "json_object" or "json_schema";

    /// <summary>Whether the request asks for server-sent events.</summary>
    public bool Stream => Body["stream"]?.GetValue<bool>() == true;

    /// <summary>The text of the last user message.</summary>
    public string LastUser => Messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        null => string.Empty,
        _ => content.ToJsonString(),
    };
}

/// <summary>What the fake provider answers: a completion, or an HTTP error, optionally after a delay.</summary>
public sealed record OpenAIReply(string? Content = null, int Status = 200, TimeSpan? Delay = null, string? RetryAfter = null, int PromptTokens = 20, int CompletionTokens = 8)
{
    /// <summary>The model the reply names; the requested one when null.</summary>
    public string? Model { get; init; }

    /// <summary>Leaves the usage object out, as some providers do.</summary>
    public bool OmitUsage { get; init; }

    /// <summary>A completion with this text.</summary>
    public static OpenAIReply Text(string content) => new(content);

    /// <summary>An OpenAI-style error with this status.</summary>
    public static OpenAIReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);
}

/// <summary>
/// The OpenAI wire format as a route set on <see cref="LoopbackHttpServer"/> (no real model can be had here):
/// POST /v1/chat/completions (JSON or server-sent events, usage fields, errors with Retry-After) and POST /v1/embeddings.
/// </summary>
public static class OpenAIRoutes
{
    /// <summary>Starts a loopback server with the OpenAI routes; its base URL for SDKs is <c>server.Url("v1")</c>.</summary>
    public static Task<LoopbackHttpServer> StartAsync(Func<OpenAIChatRequest, int, OpenAIReply> chat, Func<string, float[]>? embed = null, CancellationToken cancellationToken = default) =>
        LoopbackHttpServer.StartAsync(app => app.MapOpenAI(chat, embed), cancellationToken);

    /// <summary>Maps the chat completions and embeddings routes; <paramref name="chat"/> gets each request and its 1-based number.</summary>
    public static void MapOpenAI(this WebApplication app, Func<OpenAIChatRequest, int, OpenAIReply> chat, Func<string, float[]>? embed = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var calls = 0;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? [];
            var request = new OpenAIChatRequest(body, context.Request.Headers.Authorization.ToString(), context.Request.Headers["traceparent"].ToString());
            var number = Interlocked.Increment(ref calls);
            var reply = chat(request, number);
            if (!await DelayAndCheckAsync(context, reply))
            {
                return;
            }

            var model = reply.Model ?? request.Model;
            if (request.Stream)
            {
                await StreamAsync(context, reply, model);
                return;
            }

            var completion = Envelope("chat.completion", "chatcmpl-" + number, model);
            completion["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                ["finish_reason"] = "stop",
            });
            if (!reply.OmitUsage)
            {
                completion["usage"] = Usage(reply);
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(completion.ToJsonString(), context.RequestAborted);
        });
        app.MapPost("/v1/embeddings", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var inputs = body!["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
            var data = new JsonArray([.. inputs.Select((text, i) => (JsonNode)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = new JsonArray([.. (embed ?? BagOfLetters)(text).Select(v => (JsonNode)JsonValue.Create(v))]),
            })]);
            var tokens = inputs.Sum(t => t.Length / 4);
            var list = new JsonObject
            {
                ["object"] = "list",
                ["data"] = data,
                ["model"] = body["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(list.ToJsonString(), context.RequestAborted);
        });
    }

    /// <summary>A bag-of-letters vector: texts with the same words are similar, unrelated texts are not.</summary>
    public static float[] BagOfLetters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[26];
        foreach (var c in text.ToUpperInvariant().Where(char.IsAsciiLetterUpper))
        {
            vector[c - 'A']++;
        }

        return vector;
    }

    private static async Task<bool> DelayAndCheckAsync(HttpContext context, OpenAIReply reply)
    {
        if (reply.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (reply.Status == 200)
        {
            return true;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        await context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {reply.Status}", type = "server_error", code = "overloaded" } }, context.RequestAborted);
        return false;
    }

    private static async Task StreamAsync(HttpContext context, OpenAIReply reply, string model)
    {
        context.Response.ContentType = "text/event-stream";
        var words = (reply.Content ?? string.Empty).Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var delta = new JsonObject { ["content"] = (i == 0 ? string.Empty : " ") + words[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await WriteEventAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }));
        }

        await WriteEventAsync(context, Chunk(model, new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }));
        if (!reply.OmitUsage)
        {
            var usage = Chunk(model, null);
            usage["usage"] = Usage(reply);
            await WriteEventAsync(context, usage);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static JsonObject Chunk(string model, JsonObject? choice)
    {
        var chunk = Envelope("chat.completion.chunk", "chatcmpl-stream", model);
        chunk["choices"] = choice is null ? new JsonArray() : new JsonArray(choice);
        return chunk;
    }

    private static JsonObject Envelope(string kind, string id, string model) => new()
    {
        ["id"] = id,
        ["object"] = kind,
        ["created"] = 1_700_000_000,
        ["model"] = model,
    };

    private static async Task WriteEventAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static JsonObject Usage(OpenAIReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };
}
