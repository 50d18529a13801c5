using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// The connections one run uses: the system under test and the judge, each behind the retry handler and the cache.
/// Created before any case runs, so bad provider settings fail before any model call.
/// </summary>
internal sealed class ProviderSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResilienceHandler _retry;

    private ProviderSession(HttpClient http, ResilienceHandler retry, ISystemUnderTest target, JudgeServices judge, ResponseCache? cache)
    {
        _http = http;
        _retry = retry;
        Target = target;
        Judge = judge;
        Cache = cache;
    }

    public ISystemUnderTest Target { get; }

    public JudgeServices Judge { get; }

    public ResponseCache? Cache { get; }

    public int Retries => _retry.RetryCount;

    public static ProviderSession Create(EvalSuite suite, EvalRunOptions options, AdaptiveConcurrency limiter)
    {
        var timeout = suite.Provider.Timeout;
        var retry = new ResilienceHandler(options.Retry, timeout, limiter);
        var http = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
        var cache = options.Cache is { Mode: not CacheMode.Off } c ? new ResponseCache(c) : null;
        try
        {
            var target = CreateTarget(suite, options, http, cache);
            var judge = CreateJudge(suite, options, http, cache);
            // The system under test's own responses are cached only when they are fully determined by the request: a model
            // (openai) or an in-process delegate. An HTTP service runs on every run (only its model calls are replayed,
            // by the model proxy), unless the caller opted in with a fingerprint of the service's inputs.
            var cacheTarget = cache is not null && (suite.Provider.Kind != ProviderKind.Http || options.HttpResponseCacheFingerprint is not null);
            var targetCache = cacheTarget && suite.Provider.Kind == ProviderKind.Http ? new FingerprintedTarget(target, options.HttpResponseCacheFingerprint!) : target;
            return new ProviderSession(http, retry, cacheTarget ? new CachingTarget(targetCache, cache!) : target, judge, cache);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public Task<TargetResponse> InvokeAsync(EvalCase evalCase, int attempt, CancellationToken cancellationToken) =>
        Target is CachingTarget caching ? caching.InvokeAsync(evalCase, attempt, cancellationToken) : Target.InvokeAsync(evalCase, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ISystemUnderTest CreateTarget(EvalSuite suite, EvalRunOptions options, HttpClient http, ResponseCache? cache)
    {
        var spec = suite.Provider;
        switch (spec.Kind)
        {
            case ProviderKind.Http:
                var urlText = options.ProviderUrl?.ToString()
                    ?? (spec.UrlEnv is null ? null : options.Environment(spec.UrlEnv) is { Length: > 0 } fromEnv ? fromEnv : null)
                    ?? spec.Url
                    ?? throw new SuiteException(spec.Location, "provider.url", $"no URL: set {spec.UrlEnv} or provider.url, or pass the provider URL parameter");
                return Uri.TryCreate(urlText, UriKind.Absolute, out var url)
                    ? new HttpEndpointTarget(spec, url, http, options.ModelCalls)
                    : throw new SuiteException(spec.Location, "provider.url", $"'{urlText}' is not an absolute URL");
            case ProviderKind.OpenAI:
                var model = options.Model ?? spec.Model!;
                var connection = spec with { BaseUrl = options.OpenAIBaseUrl?.ToString() ?? spec.BaseUrl };
                var chat = ChatClientFor(connection, options, http, cache, out _);
                var (system, user) = PromptSource.Resolve(suite);
                return new ChatTarget(spec.Id, chat, model, system, user, spec.Temperature, spec.MaxTokens);
            default:
                if (options.Delegates.TryGetValue(spec.Id, out var invoke))
                {
                    return new DelegateTarget(spec.Id, invoke);
                }

                var suggestion = NameSuggestions.Closest(spec.Id, options.Delegates.Keys);
                throw new SuiteException(spec.Location, "provider.id", $"no delegate is registered for provider '{spec.Id}'"
                    + (suggestion is null ? "; register one with EvalRunOptions.WithDelegate" : $"; did you mean '{suggestion}'?"));
        }
    }

    private static IChatClient ChatClientFor(ProviderSpec spec, EvalRunOptions options, HttpClient http, ResponseCache? cache, out OpenAI.OpenAIClient? client)
    {
        client = null;
        var key = options.Environment(spec.ApiKeyEnv);
        if (string.IsNullOrEmpty(key))
        {
            var reason = $"{spec.Id}: the API key variable {spec.ApiKeyEnv} is not set";
            // Without a key a cache can still replay recorded responses; with no cache there is nothing to do.
            return cache is not null ? new UnavailableChatClient(reason) : throw new ProviderException(reason + "; set it or record a response cache");
        }

        client = OpenAIConnection.CreateClient(spec, http, options.Environment);
        return OpenAIConnection.CreateChatClient(client, options.Model ?? spec.Model!);
    }

    private static JudgeServices CreateJudge(EvalSuite suite, EvalRunOptions options, HttpClient http, ResponseCache? cache)
    {
        if (suite.Judge is not { } judge)
        {
            return JudgeServices.Unavailable("no judge configured in the suite (add judge.model)");
        }

        judge = judge with { BaseUrl = options.OpenAIBaseUrl?.ToString() ?? judge.BaseUrl };
        var model = options.JudgeModel ?? judge.Model;
        var key = options.Environment(judge.ApiKeyEnv);
        var reason = string.IsNullOrEmpty(key) ? $"the judge's API key variable {judge.ApiKeyEnv} is not set and no cached verdict exists" : null;
        if (reason is not null && cache is null)
        {
            return JudgeServices.Unavailable(reason);
        }

        var openAI = reason is null ? OpenAIConnection.CreateClient(judge, http, options.Environment) : null;
        IChatClient? chat = null;
        if (model is not null)
        {
            chat = openAI is null ? new UnavailableChatClient(reason!) : OpenAIConnection.CreateChatClient(openAI, model);
            chat = cache is null ? chat : new CachingChatClient(chat, cache, "judge");
        }

        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null;
        if (suite.EmbeddingModel is { } embeddingModel && openAI is not null)
        {
            embeddings = OpenAIConnection.CreateEmbeddingGenerator(openAI, embeddingModel);
            embeddings = cache is null ? embeddings : new CachingEmbeddingGenerator(embeddings, cache, "judge", embeddingModel);
        }

        return new JudgeServices(chat, model, embeddings, reason);
    }
}
