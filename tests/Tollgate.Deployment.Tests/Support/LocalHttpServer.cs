using Microsoft.AspNetCore.Http;
using Tollgate.TestSupport.Http;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>The deployment tests' name for <see cref="LoopbackHttpServer"/> answering with one delegate; records paths and bodies.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private LocalHttpServer(LoopbackHttpServer server) => _server = server;

    public Uri Url => _server.BaseAddress;

    public List<(string PathAndQuery, string Body)> Requests => [.. _server.Requests.Select(r => (r.PathAndQuery, r.Body))];

    public static async Task<LocalHttpServer> StartAsync(Func<HttpContext, Task> handler) =>
        new(await LoopbackHttpServer.StartAsync(new RequestDelegate(handler)));

    public static async Task<LocalHttpServer> StartAsync(Func<string> text, string contentType = "application/json", int status = 200) =>
        new(await LoopbackHttpServer.StartAsync(text, contentType, status));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
