using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>A colour's service on 127.0.0.1: ResearchAssistant's /health, /query and /metrics (counting what it served), for the component's smoke tests and analysis.</summary>
internal sealed class ColourService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

    private ColourService(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<ColourService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var service = new ColourService(app);
        app.Use(async (context, next) =>
        {
            await next();
            Interlocked.Increment(ref service._requests);
        });
        app.MapGet("/health", () => Results.Text("{\"status\":\"healthy\"}", "application/json"));
        app.MapPost("/query", () => Results.Text("{\"answer\":\"a\",\"citations\":[\"doc\"]}", "application/json"));
        app.MapGet("/metrics", () => Results.Text(string.Create(CultureInfo.InvariantCulture,
            $"research_assistant_requests_total{{route=\"/query\",status=\"200\"}} {Interlocked.Read(ref service._requests)}\nresearch_assistant_request_duration_seconds_bucket{{le=\"+Inf\"}} {Interlocked.Read(ref service._requests)}\n")));
        await app.StartAsync();
        service.Url = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
