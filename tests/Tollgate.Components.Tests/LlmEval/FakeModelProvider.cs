using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tollgate.TestSupport.Http;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// A model provider (<see cref="OpenAIRoutes"/> on a <see cref="LoopbackHttpServer"/>; the real model cannot be had
/// here). It answers with the user message it was sent (so the answer contains the retrieved passages' keywords) and,
/// when asked to, with the key it received, to prove that a leaking provider cannot put the key into any file.
/// JSON-mode requests (judges) get a verdict every model-graded check accepts.
/// </summary>
internal sealed class FakeModelProvider : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private FakeModelProvider(LoopbackHttpServer server, ConcurrentQueue<string> authorizations, ConcurrentQueue<string> traceParents)
    {
        _server = server;
        Authorizations = authorizations;
        TraceParents = traceParents;
    }

    /// <summary>The base URL, ending in /v1.</summary>
    public Uri BaseUrl => new(_server.BaseAddress, "v1");

    /// <summary>The Authorization headers received.</summary>
    public ConcurrentQueue<string> Authorizations { get; }

    /// <summary>The traceparent headers received (empty when a request had none).</summary>
    public ConcurrentQueue<string> TraceParents { get; }

    public static async Task<FakeModelProvider> StartAsync(bool echoKey = false)
    {
        var authorizations = new ConcurrentQueue<string>();
        var traceParents = new ConcurrentQueue<string>();
        var server = await OpenAIRoutes.StartAsync((request, _) =>
        {
            authorizations.Enqueue(request.Authorization);
            traceParents.Enqueue(request.TraceParent);
            var leak = echoKey ? $" (debug: {request.Authorization})" : string.Empty;
            var content = request.JsonMode
                ? new JsonObject { ["score"] = 5, ["reasoning"] = "supported" + leak, ["claims"] = new JsonArray(new JsonObject { ["claim"] = "c" + leak, ["supported"] = true }) }.ToJsonString()
                : request.LastUser + leak;
            return new OpenAIReply(content, PromptTokens: 100, CompletionTokens: 20);
        });
        return new FakeModelProvider(server, authorizations, traceParents);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
