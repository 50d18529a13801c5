using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tollgate.Evaluation.Bench;

/// <summary>A local POST /query service (Kestrel on 127.0.0.1) with a fixed latency that counts requests.</summary>
internal sealed class QueryServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private QueryServer(WebApplication app) => _app = app;

    public Uri QueryUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<QueryServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new QueryServer(app);
        app.MapPost("/query", async (HttpContext context) =>
        {
            Interlocked.Increment(ref server._requests);
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            var question = body.RootElement.GetProperty("question").GetString()!;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }

            var n = question[(question.LastIndexOf(' ') + 1)..];
            return Results.Json(new
            {
                answer = $"The answer to question {n} is $12 per seat.",
                citations = new[] { $"doc-{n}" },
                model = "gpt-4o-mini",
                usage = new { promptTokens = 120, completionTokens = 24 },
                latencyMs = latency.TotalMilliseconds,
                retrieved = new[] { new { id = $"doc-{n}", score = 0.9 }, new { id = "doc-x", score = 0.5 } },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.QueryUrl = new Uri(new Uri(address), "/query");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
