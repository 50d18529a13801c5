using Microsoft.AspNetCore.Http;
using Tollgate.TestSupport.Http;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>The deployment tests' name for <see cref="LoopbackHttpServer"/> answering with a handler that gets the request's number.</summary>
internal sealed class StubService : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private StubService(LoopbackHttpServer server) => _server = server;

    public Uri Url => _server.BaseAddress;

    public int Requests => _server.RequestCount;

    public static async Task<StubService> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var count = 0;
        return new(await LoopbackHttpServer.StartAsync(context => handler(context, Interlocked.Increment(ref count))));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
