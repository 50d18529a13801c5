using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// The judge's chat and embedding clients for one run. With a cache, they talk to a model proxy with a placeholder key:
/// the proxy the system under test already uses (<see cref="EvalRunOptions.ModelProxy"/>), else one started here with
/// the judge's provider and real key. Judge calls are then recorded under the same key rules, in the same store, as the
/// service's model calls, and a read-only miss names the case, the model and the first differing part of the request.
/// Without a cache the judge calls its provider directly.
/// </summary>
internal sealed class JudgeConnection : IAsyncDisposable
{
    private readonly HttpClient? _proxyHttp;

    private JudgeConnection(JudgeServices services, ModelProxy? ownProxy, HttpClient? proxyHttp)
    {
        Services = services;
        OwnProxy = ownProxy;
        _proxyHttp = proxyHttp;
    }

    public JudgeServices Services { get; }

    /// <summary>The proxy started for the judge, when the run was given none.</summary>
    public ModelProxy? OwnProxy { get; }

    public static async Task<JudgeConnection> CreateAsync(EvalSuite suite, EvalRunOptions options, HttpClient http, AdaptiveConcurrency limiter, CancellationToken cancellationToken)
    {
        if (suite.Judge is not { } judge)
        {
            return new JudgeConnection(JudgeServices.Unavailable("no judge configured in the suite (add judge.model)"), null, null);
        }

        var baseUrl = options.OpenAIBaseUrl?.ToString() ?? judge.BaseUrl;
        judge = judge with { BaseUrl = baseUrl };
        var model = options.JudgeModel ?? judge.Model;
        var key = options.Environment(judge.ApiKeyEnv);
        if (options.Cache is not { Mode: not CacheMode.Off } cache)
        {
            return new JudgeConnection(Direct(judge, model, suite.EmbeddingModel, key, http, options), null, null);
        }

        ModelProxy? own = null;
        var proxy = options.ModelProxy;
        if (proxy is null)
        {
            var upstream = new Uri(baseUrl ?? ModelProxyOptions.OpenAIBaseUrl);
            own = await ModelProxy.StartAsync(new ModelProxyOptions(cache, upstream, key)
            {
                ApiKeySource = judge.ApiKeyEnv,
                Transport = new ResilienceHandler(options.Retry, judge.Timeout, limiter),
            }, cancellationToken).ConfigureAwait(false);
            proxy = own;
        }

        var labels = new ModelCallLabels();
        var proxyHttp = new HttpClient(labels.Handler()) { Timeout = Timeout.InfiniteTimeSpan };
        var services = ProxiedJudge.Create(judge, model, suite.EmbeddingModel, proxy.BaseUrl, proxyHttp, labels);
        return new JudgeConnection(services, own, proxyHttp);
    }

    public async ValueTask DisposeAsync()
    {
        _proxyHttp?.Dispose();
        if (OwnProxy is not null)
        {
            await OwnProxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static JudgeServices Direct(ProviderSpec judge, string? model, string? embeddingModel, string? key, HttpClient http, EvalRunOptions options)
    {
        if (string.IsNullOrEmpty(key))
        {
            return JudgeServices.Unavailable($"the judge's API key variable {judge.ApiKeyEnv} is not set (and there is no cache to replay from)");
        }

        var openAI = OpenAIConnection.CreateClient(judge, http, options.Environment);
        IChatClient? chat = model is null ? null : OpenAIConnection.CreateChatClient(openAI, model);
        var embeddings = embeddingModel is null ? null : OpenAIConnection.CreateEmbeddingGenerator(openAI, embeddingModel);
        return new JudgeServices(chat, model, embeddings, null);
    }
}
