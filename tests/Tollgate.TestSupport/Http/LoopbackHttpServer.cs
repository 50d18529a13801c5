using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tollgate.TestSupport.Http;

/// <summary>
/// The one fake HTTP server of the test projects: a real Kestrel server on 127.0.0.1 and a free port, with the routes a
/// test maps. It records every request (method, path, headers, body — the body stays readable by the route), counts
/// requests and the most in flight, and stops on dispose. Specialised fakes (an OpenAI provider, a query service) are
/// route sets on it, not servers of their own.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedHttpRequest> _requests = new();
    private int _requestCount;
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackHttpServer(WebApplication app) => _app = app;

    /// <summary>The server's root, <c>http://127.0.0.1:PORT/</c> (ends in a slash, so relative URIs append).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedHttpRequest> Requests => [.. _requests];

    /// <summary>How many requests arrived.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>The most requests that were being handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>An absolute URL on this server, e.g. <c>Url("v1")</c> or <c>Url("/query")</c>.</summary>
    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    /// <summary>Starts a server whose routes <paramref name="routes"/> maps (MapGet/MapPost/Run on the app).</summary>
    public static async Task<LoopbackHttpServer> StartAsync(Action<WebApplication> routes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Use(server.RecordAsync);
        routes(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Starts a server answering every request with <paramref name="handler"/>.</summary>
    public static Task<LoopbackHttpServer> StartAsync(RequestDelegate handler, CancellationToken cancellationToken = default) =>
        StartAsync(app => app.Run(handler), cancellationToken);

    /// <summary>Starts a server answering every request with a fixed status, content type and text.</summary>
    public static Task<LoopbackHttpServer> StartAsync(Func<string> text, string contentType = "application/json", int status = 200, CancellationToken cancellationToken = default) =>
        StartAsync(
            async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(text(), context.RequestAborted);
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _requestCount);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            _requests.Enqueue(new RecordedHttpRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
