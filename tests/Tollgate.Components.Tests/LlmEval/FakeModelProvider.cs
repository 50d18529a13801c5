using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// A model provider on 127.0.0.1 speaking OpenAI's chat completions wire format (the real model cannot be had here).
/// It answers with the user message it was sent (so the answer contains the retrieved passages' keywords) and, when
/// asked to, with the key it received, to prove that a leaking provider cannot put the key into any file. JSON-mode
/// requests (judges) get a verdict every model-graded check accepts.
/// </summary>
internal sealed class FakeModelProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _echoKey;

    private FakeModelProvider(WebApplication app, bool echoKey)
    {
        _app = app;
        _echoKey = echoKey;
    }

    /// <summary>The base URL, ending in /v1.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Authorization headers received.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Whether a request carried a traceparent header.</summary>
    public ConcurrentQueue<string> TraceParents { get; } = new();

    public static async Task<FakeModelProvider> StartAsync(bool echoKey = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeModelProvider(app, echoKey);
        app.MapPost("/v1/chat/completions", fake.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Authorizations.Enqueue(authorization);
        TraceParents.Enqueue(context.Request.Headers["traceparent"].ToString());
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var leak = _echoKey ? $" (debug: {authorization})" : string.Empty;
        var json = request?["response_format"]?["type"]?.GetValue<string>() is "json_object" or "json_schema";
        var user = request?["messages"]?.AsArray().LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"];
        var text = user is JsonValue value ? value.GetValue<string>() : user?.ToJsonString() ?? string.Empty;
        var content = json
            ? new JsonObject { ["score"] = 5, ["reasoning"] = "supported" + leak, ["claims"] = new JsonArray(new JsonObject { ["claim"] = "c" + leak, ["supported"] = true }) }.ToJsonString()
            : text + leak;
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = request?["model"]?.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
