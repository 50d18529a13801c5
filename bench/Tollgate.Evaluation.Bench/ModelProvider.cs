using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tollgate.Evaluation.Bench;

/// <summary>An OpenAI-compatible chat completions endpoint on 127.0.0.1 with a fixed latency that counts requests.</summary>
internal sealed class ModelProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private ModelProvider(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<ModelProvider> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new ModelProvider(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            Interlocked.Increment(ref provider._requests);
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var user = body!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            await Task.Delay(latency);
            var n = user[(user.LastIndexOf(' ') + 1)..];
            return Results.Json(new
            {
                id = "chatcmpl-bench",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = body["model"]!.GetValue<string>(),
                choices = new[] { new { index = 0, message = new { role = "assistant", content = $"The answer to question {n} is $12 per seat." }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 120, completion_tokens = 24, total_tokens = 144 },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
