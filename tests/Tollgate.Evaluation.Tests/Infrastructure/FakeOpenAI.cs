using System.Collections.Concurrent;

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
    /// <summary>Leaves the usage object out of the completion, as some providers do.</summary>
    public bool OmitUsage { get; init; }

    public static FakeReply Text(string content) => new(content);

    public static FakeReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);
}

/// <summary>The evaluation tests' scripted OpenAI provider: <see cref="OpenAIRoutes"/> on a <see cref="LoopbackHttpServer"/>.</summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private FakeOpenAI(LoopbackHttpServer server, ConcurrentQueue<ChatCall> calls)
    {
        _server = server;
        ChatCalls = calls;
    }

    public ConcurrentQueue<ChatCall> ChatCalls { get; }

    public Uri BaseUrl => _server.Url("v1");

    public int RequestCount => _server.RequestCount;

    public int MaxInFlight => _server.MaxInFlight;

    public static async Task<FakeOpenAI> StartAsync(Func<ChatCall, int, FakeReply> chat, Func<string, float[]>? embed = null)
    {
        var calls = new ConcurrentQueue<ChatCall>();
        var server = await OpenAIRoutes.StartAsync(
            (request, number) =>
            {
                var call = new ChatCall(request.Model, request.Messages, request.JsonMode);
                calls.Enqueue(call);
                var reply = chat(call, number);
                return new OpenAIReply(reply.Content, reply.Status, reply.Delay, reply.RetryAfter, reply.PromptTokens, reply.CompletionTokens) { OmitUsage = reply.OmitUsage };
            },
            embed);
        return new FakeOpenAI(server, calls);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
