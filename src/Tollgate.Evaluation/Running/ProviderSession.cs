using Microsoft.Extensions.AI;

namespace Tollgate.Evaluation;

/// <summary>
/// The connections one run uses: the system under test behind the retry handler and the cache, and the judge, whose
/// chat and embedding calls go through the model proxy (the service's, or one started for the run) and so through the
/// same record-replay store as the service's model calls. Created before any case runs, so bad provider settings fail
/// before any model call.
/// </summary>
internal sealed class ProviderSession : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ResilienceHandler _retry;
    private readonly JudgeConnection _judge;

    private ProviderSession(HttpClient http, ResilienceHandler retry, ISystemUnderTest target, JudgeConnection judge, ResponseCache? cache)
    {
        _http = http;
        _retry = retry;
        _judge = judge;
        Target = target;
        Cache = cache;
    }

    public ISystemUnderTest Target { get; }

    public JudgeServices Judge => _judge.Services;

    /// <summary>The calls of the proxy this session started for the judge (not counted elsewhere), if it started one.</summary>
    public ModelCallLedger? OwnModelCalls => _judge.OwnProxy?.Ledger;

    public ResponseCache? Cache { get; }

    public int Retries => _retry.RetryCount;

    public static async Task<ProviderSession> CreateAsync(EvalSuite suite, EvalRunOptions options, AdaptiveConcurrency limiter, CancellationToken cancellationToken)
    {
        var timeout = suite.Provider.Timeout;
        var retry = new ResilienceHandler(options.Retry, timeout, limiter);
        var http = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
        var cache = options.Cache is { Mode: not CacheMode.Off } c ? new ResponseCache(c) : null;
        JudgeConnection? judge = null;
        try
        {
            var target = CreateTarget(suite, options, http, cache);
            judge = await JudgeConnection.CreateAsync(suite, options, http, limiter, cancellationToken).ConfigureAwait(false);
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
            if (judge is not null)
            {
                await judge.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public Task<TargetResponse> InvokeAsync(EvalCase evalCase, int attempt, CancellationToken cancellationToken) =>
        Target is CachingTarget caching ? caching.InvokeAsync(evalCase, attempt, cancellationToken) : Target.InvokeAsync(evalCase, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _judge.DisposeAsync().ConfigureAwait(false);
    }

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
}
