using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>
/// The model proxy and the HTTP service started for one run. The service always runs for real; with a model
/// (<c>--eval-service-model</c>) its base URL is the proxy's and its key a placeholder, offline it gets empty model
/// variables (so a key in the developer's environment cannot bypass the proxy) and answers without a model.
/// </summary>
internal sealed class LlmEvalSystemUnderTest : IAsyncDisposable
{
    /// <summary>What the service sees as its key; the proxy holds the real one.</summary>
    public const string PlaceholderKey = "tollgate-model-proxy";

    private LlmEvalSystemUnderTest(ModelProxy proxy, IRunningProcess service, Uri url)
    {
        Proxy = proxy;
        Service = service;
        Url = url;
    }

    public ModelProxy Proxy { get; }

    public IRunningProcess Service { get; }

    /// <summary>The URL of the started service's endpoint.</summary>
    public Uri Url { get; }

    public static async Task<LlmEvalSystemUnderTest> StartAsync(ILlmEval build, EvalSuite suite, CacheOptions cache, CancellationToken cancellationToken)
    {
        var settings = build.LlmEvalService;
        var keySource = suite.Judge?.ApiKeyEnv ?? "OPENAI_API_KEY";
        var key = build.EvalModelApiKey ?? Environment.GetEnvironmentVariable(keySource);
        var upstream = build.EvalModelBaseUrl ?? suite.Judge?.BaseUrl ?? ModelProxyOptions.OpenAIBaseUrl;
        if (!Uri.TryCreate(upstream, UriKind.Absolute, out var upstreamUrl))
        {
            throw new TollgateException($"--eval-model-base-url '{upstream}' is not an absolute URL; use the API base ending in /v1, e.g. http://127.0.0.1:11434/v1");
        }

        var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(cache, upstreamUrl, key) { ApiKeySource = $"{keySource} (or --eval-model-api-key)" }, cancellationToken).ConfigureAwait(false);
        try
        {
            var port = settings.Port ?? LlmEvalService.FreePort();
            var command = build.LlmEvalServiceCommand(port) ?? throw new TollgateException(
                $"{suite.Provider.Id} is an HTTP provider with no URL and the build does not say how to start it: set LlmEvalService.Command in the build, "
                + $"or pass --eval-provider-url (or {suite.Provider.UrlEnv ?? "the suite's url_env"}) for a running service");
            var model = build.EvalServiceModel;
            command = command
                .WithEnvironment(settings.BaseUrlVariable, model is null ? string.Empty : proxy.BaseUrl.ToString())
                .WithEnvironment(settings.ApiKeyVariable, model is null ? string.Empty : PlaceholderKey)
                .WithEnvironment(settings.ModelVariable, model ?? string.Empty);
            build.Log.Information(model is null
                ? $"Starting the system under test on port {port}, offline (no --eval-service-model): retrieval and deterministic checks run, no model is called"
                : $"Starting the system under test on port {port} with model {model} through the model proxy {proxy.BaseUrl} (cache {cache.Mode.ToString().ToLowerInvariant()})");
            var service = await LlmEvalService.StartAsync(build.Processes, command, port, settings.ReadinessPath, settings.StartTimeout, cancellationToken).ConfigureAwait(false);
            var path = suite.Provider.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.PathAndQuery : "/";
            return new LlmEvalSystemUnderTest(proxy, service, new Uri($"http://127.0.0.1:{port}{path}"));
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync().ConfigureAwait(false);
        await Proxy.DisposeAsync().ConfigureAwait(false);
    }
}
