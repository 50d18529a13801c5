using Microsoft.AspNetCore.Builder;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Router;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>The real router app on two free ports of 127.0.0.1, with a client for its admin API.</summary>
internal sealed class InProcessRouter : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessRouter(WebApplication app, Uri publicUrl, RouterClient client) => (this.app, PublicUrl, Client) = (app, publicUrl, client);

    public Uri PublicUrl { get; }

    public RouterClient Client { get; }

    public HttpClient Http { get; } = new();

    public static async Task<InProcessRouter> StartAsync()
    {
        var (publicPort, adminPort) = (FreePort.Next(), FreePort.Next());
        var app = RouterApp.Create(["--Logging:LogLevel:Default=Warning"], new RouterOptions(publicPort, adminPort));
        await app.StartAsync();
        var http = new HttpClient();
        return new InProcessRouter(app, new Uri($"http://127.0.0.1:{publicPort}/"), new RouterClient(http, new Uri($"http://127.0.0.1:{adminPort}/")));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
