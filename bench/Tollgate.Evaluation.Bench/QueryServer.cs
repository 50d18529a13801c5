using System.Net.Http.Json;
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
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly WebApplication _app;
    private int _requests;

    private QueryServer(WebApplication app) => _app = app;

    public Uri QueryUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// Starts the service; with <paramref name="model"/> (a model base URL, e.g. the model proxy's) every answer comes
    /// from a chat completion there, as a real service's would, instead of waiting <paramref name="latency"/>.
    /// </summary>
    public static async Task<QueryServer> StartAsync(TimeSpan latency, Uri? model = null)
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
            if (latency > TimeSpan.Zero && model is null)
            {
                await Task.Delay(latency);
            }

            var n = question[(question.LastIndexOf(' ') + 1)..];
            var answer = $"The answer to question {n} is $12 per seat.";
            if (model is not null)
            {
                var request = new { model = "gpt-4o-mini", messages = new[] { new { role = "system", content = $"Answer from doc-{n}." }, new { role = "user", content = question } } };
                using var reply = await Http.PostAsJsonAsync(new Uri(model.ToString().TrimEnd('/') + "/chat/completions"), request);
                reply.EnsureSuccessStatusCode();
                using var completion = await System.Text.Json.JsonDocument.ParseAsync(await reply.Content.ReadAsStreamAsync());
                answer = completion.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
            }

            return Results.Json(new
            {
                answer,
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
