using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearchAssistant.Tests;

/// <summary>
/// A stand-in for an OpenAI-compatible server (there is no model here): Kestrel on 127.0.0.1 serving
/// POST /v1/chat/completions in the real wire format, JSON or server-sent events, and recording every request.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeOpenAIServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The assistant text of every completion.</summary>
    public string ReplyText { get; set; } = "The Team plan costs $12 per seat per month billed annually [doc-004].";

    public string ReplyModel { get; set; } = "gpt-4o-mini-2024-07-18";

    public int PromptTokens { get; set; } = 321;

    public int CompletionTokens { get; set; } = 45;

    /// <summary>When set, every request fails with this status and an OpenAI-style error body.</summary>
    public int? FailWithStatus { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = new Uri(address + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty body");
        _requests.Enqueue(new RecordedRequest(body.AsObject(), context.Request.Headers.Authorization.ToString()));
        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "upstream overloaded", type = "server_error", code = "overloaded" } });
            return;
        }

        var model = ReplyModel;
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(context, model, created);
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-test-1",
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ReplyText },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = Usage(),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(completion.ToJsonString());
    }

    private async Task StreamAsync(HttpContext context, string model, long created)
    {
        context.Response.ContentType = "text/event-stream";
        var words = ReplyText.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var delta = new JsonObject { ["content"] = (i == 0 ? string.Empty : " ") + words[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await WriteEventAsync(context, Chunk(model, created, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null })));
        }

        await WriteEventAsync(context, Chunk(model, created, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" })));
        var usageChunk = Chunk(model, created, []);
        usageChunk["usage"] = Usage();
        await WriteEventAsync(context, usageChunk);
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(string model, long created, JsonArray choices) => new()
    {
        ["id"] = "chatcmpl-test-stream",
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = choices,
    };

    private static async Task WriteEventAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    private JsonObject Usage() => new()
    {
        ["prompt_tokens"] = PromptTokens,
        ["completion_tokens"] = CompletionTokens,
        ["total_tokens"] = PromptTokens + CompletionTokens,
    };

    /// <summary>One request as the SDK sent it: the JSON body and the Authorization header.</summary>
    public sealed record RecordedRequest(JsonObject Body, string Authorization)
    {
        public string Message(string role) =>
            Body["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();
    }
}
