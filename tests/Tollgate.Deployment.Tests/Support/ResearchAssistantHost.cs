using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ResearchAssistant;

namespace Tollgate.Deployment.Tests.Support;

/// <summary>The real ResearchAssistant, offline, on a free port of 127.0.0.1: what a healthy release answers.</summary>
internal sealed class ResearchAssistantHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ResearchAssistantHost(WebApplication app, Uri url) => (this.app, Url) = (app, url);

    public Uri Url { get; }

    public static async Task<ResearchAssistantHost> StartAsync()
    {
        var app = ResearchAssistantApp.Create([], new Dictionary<string, string?>
        {
            ["LLM_BASE_URL"] = string.Empty,
            ["LLM_API_KEY"] = string.Empty,
            ["LLM_MODEL"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ResearchAssistantHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
