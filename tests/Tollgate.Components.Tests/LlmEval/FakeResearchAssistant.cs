using System.Net;
using System.Text.Json;
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
/// A stand-in for the ResearchAssistant service on 127.0.0.1 (the model behind it cannot be had here), speaking its
/// wire protocol: POST /query {"question"} answers {"answer","citations","model","usage","latencyMs","retrieved"}.
/// It answers every known question correctly except the <c>wrong</c> ones, and counts the requests it receives.
/// </summary>
internal sealed class FakeResearchAssistant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HashSet<string> _wrong;
    private int _requests;

    private readonly string? _leak;
    private readonly string _model;

    private FakeResearchAssistant(WebApplication app, IEnumerable<string> wrong, string? leak, string model)
    {
        _app = app;
        _wrong = [.. wrong];
        _leak = leak;
        _model = model;
    }

    /// <summary>The POST /query URL.</summary>
    public Uri QueryUrl { get; private set; } = null!;

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a server that answers the cases with these ids wrongly (no keyword, the wrong document).</summary>
    public static Task<FakeResearchAssistant> StartAsync(params string[] wrongCaseIds) => StartAsync(wrongCaseIds, leak: null, "gpt-4o-mini");

    /// <summary>Starts a server that answers correctly but appends <paramref name="secret"/> to every answer.</summary>
    public static Task<FakeResearchAssistant> StartLeakingAsync(string secret) => StartAsync([], secret, "gpt-4o-mini");

    /// <summary>Starts a server that answers correctly and reports <paramref name="model"/> as the model that answered.</summary>
    public static Task<FakeResearchAssistant> StartWithModelAsync(string model) => StartAsync([], leak: null, model);

    private static async Task<FakeResearchAssistant> StartAsync(string[] wrongCaseIds, string? leak, string model)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeResearchAssistant(app, wrongCaseIds, leak, model);
        app.MapPost("/query", server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.QueryUrl = new Uri(new Uri(address), "/query");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var question = request?["question"]?.GetValue<string>() ?? string.Empty;
        var known = EvalCases.All.FirstOrDefault(c => c.Question == question);
        var correct = known is not null && !_wrong.Contains(known.Id);
        var answer = correct ? $"{known!.Keyword}, according to {known.DocumentId}." : "I could not find that in the documents.";
        answer += _leak is null ? string.Empty : $" (debug: key {_leak})";
        var document = correct ? known!.DocumentId : "doc-999";
        var body = new JsonObject
        {
            ["answer"] = answer,
            ["citations"] = new JsonArray(document),
            ["model"] = _model,
            ["usage"] = new JsonObject { ["promptTokens"] = 400, ["completionTokens"] = 40 },
            ["latencyMs"] = 3,
            ["retrieved"] = new JsonArray(new JsonObject { ["id"] = document, ["score"] = 0.91 }, new JsonObject { ["id"] = "doc-001", ["score"] = 0.42 }),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(JsonSerializerOptions.Web), context.RequestAborted);
    }
}
