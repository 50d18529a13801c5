using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearchAssistant.Tests;

/// <summary>The real ResearchAssistant application on Kestrel, on a free port of 127.0.0.1.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Offline unless the settings name an LLM; the process environment cannot switch it on by accident.</summary>
    public static async Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logSink = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["LLM_BASE_URL"] = string.Empty,
            ["LLM_API_KEY"] = string.Empty,
            ["LLM_MODEL"] = string.Empty,
            ["PROMPT_VERSION"] = string.Empty,
            ["TOP_K"] = string.Empty,
            ["Logging:LogLevel:Default"] = logSink is null ? "Warning" : "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = ResearchAssistantApp.Create([], overrides, logging =>
        {
            if (logSink is not null)
            {
                logging.AddProvider(logSink);
            }
        });
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
