using System.Text.Json.Nodes;
using Tollgate.TestSupport.Http;

namespace ResearchAssistant.Tests;

/// <summary>
/// A stand-in for an OpenAI-compatible server (there is no model here): <see cref="OpenAIRoutes"/> on a
/// <see cref="LoopbackHttpServer"/>, answering with a settable text (JSON or server-sent events) or error.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private LoopbackHttpServer _server = null!;

    private FakeOpenAIServer()
    {
    }

    /// <summary>The assistant text of every completion.</summary>
    public string ReplyText { get; set; } = "The Team plan costs $12 per seat per month billed annually [doc-004].";

    public string ReplyModel { get; set; } = "gpt-4o-mini-2024-07-18";

    public int PromptTokens { get; set; } = 321;

    public int CompletionTokens { get; set; } = 45;

    /// <summary>When set, every request fails with this status and an OpenAI-style error body.</summary>
    public int? FailWithStatus { get; set; }

    public Uri BaseUrl => new(_server.BaseAddress, "v1");

    public IReadOnlyList<RecordedRequest> Requests =>
        [.. _server.Requests.Where(r => r.PathAndQuery.EndsWith("/chat/completions", StringComparison.Ordinal)).Select(r => new RecordedRequest(r.Json(), r.Header("Authorization")))];

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var fake = new FakeOpenAIServer();
        fake._server = await OpenAIRoutes.StartAsync((_, _) => fake.FailWithStatus is { } status
            ? OpenAIReply.Error(status)
            : new OpenAIReply(fake.ReplyText, PromptTokens: fake.PromptTokens, CompletionTokens: fake.CompletionTokens) { Model = fake.ReplyModel });
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>One request as the SDK sent it: the JSON body and the Authorization header.</summary>
    public sealed record RecordedRequest(JsonObject Body, string Authorization)
    {
        public string Message(string role) =>
            Body["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();
    }
}
