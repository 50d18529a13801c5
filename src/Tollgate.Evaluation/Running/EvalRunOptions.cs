namespace Tollgate.Evaluation;

/// <summary>How a suite is run. Immutable; use the <c>With*</c> methods.</summary>
public sealed record EvalRunOptions
{
    /// <summary>The default options: concurrency from the suite (else 8), one attempt, every case, no cache.</summary>
    public static EvalRunOptions Default { get; } = new();

    /// <summary>The most cases in flight; <see langword="null"/> takes the suite's value, else 8.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Attempts per case (for flaky judges).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Attempts that must pass for the case to pass; <see langword="null"/> means all.</summary>
    public int? MinPass { get; init; }

    /// <summary>The fraction of cases to run (0–1], chosen with <see cref="Seed"/>.</summary>
    public double Sample { get; init; } = 1;

    /// <summary>The seed for sampling and bootstrap intervals.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>Only cases with these ids (empty: all).</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Only cases with any of these tags (empty: all).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Stop at the first failing case.</summary>
    public bool FailFast { get; init; }

    /// <summary>A JSONL file of completed cases: an interrupted run resumes from it, skipping what is done.</summary>
    public string? ResumeFile { get; init; }

    /// <summary>The response cache; <see langword="null"/> for none.</summary>
    public CacheOptions? Cache { get; init; }

    /// <summary>How provider and judge calls are retried.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Overrides the HTTP provider's URL (e.g. a service the build started on a free port).</summary>
    public Uri? ProviderUrl { get; init; }

    /// <summary>Overrides the model of an OpenAI provider (a cheaper model in CI).</summary>
    public string? Model { get; init; }

    /// <summary>Overrides the judge model.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Overrides the base URL of OpenAI providers and the judge (e.g. a local OpenAI-compatible server).</summary>
    public Uri? OpenAIBaseUrl { get; init; }

    /// <summary>In-process systems under test for <c>type: delegate</c> providers, by provider id.</summary>
    public IReadOnlyDictionary<string, Func<EvalCase, CancellationToken, Task<TargetResponse>>> Delegates { get; init; } =
        new Dictionary<string, Func<EvalCase, CancellationToken, Task<TargetResponse>>>();

    /// <summary>
    /// The calls the model proxy served: the HTTP system under test gets a trace id per attempt, and a model call under
    /// it that missed or failed fails the attempt with the proxy's message.
    /// </summary>
    public ModelCallLedger? ModelCalls { get; init; }

    /// <summary>
    /// The model proxy the system under test uses: judge and embedding calls go through it too (with a placeholder
    /// key), so they share its store and its key. <see langword="null"/>: the run starts its own proxy for the judge
    /// when there is a cache.
    /// </summary>
    public ModelProxy? ModelProxy { get; init; }

    /// <summary>
    /// Caches an HTTP system under test's responses, keyed also by this fingerprint of its declared inputs (code,
    /// documents, prompts). <see langword="null"/> (the default): the service is called on every run and only its model
    /// calls are replayed, through the model proxy.
    /// </summary>
    public string? HttpResponseCacheFingerprint { get; init; }

    /// <summary>What else identifies the run for resuming (e.g. the service's model and inputs); never a secret.</summary>
    public string? IdentityExtra { get; init; }

    /// <summary>Masks secrets in what the run writes (progress file); the build's masker in a build.</summary>
    public SecretMasker? Masker { get; init; }

    /// <summary>The baseline, for pairwise checks.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Reads environment variables (API keys, URLs); replaceable in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Returns a copy with <paramref name="concurrency"/>.</summary>
    public EvalRunOptions WithConcurrency(int concurrency) => this with { Concurrency = concurrency };

    /// <summary>Returns a copy that repeats each case <paramref name="repeat"/> times and needs <paramref name="minPass"/> passes.</summary>
    public EvalRunOptions WithRepeat(int repeat, int? minPass = null) => this with { Repeat = repeat, MinPass = minPass };

    /// <summary>Returns a copy that runs a <paramref name="fraction"/> of the cases chosen with <paramref name="seed"/>.</summary>
    public EvalRunOptions WithSample(double fraction, int? seed = null) => this with { Sample = fraction, Seed = seed ?? Seed };

    /// <summary>Returns a copy that runs only the given ids and tags.</summary>
    public EvalRunOptions WithFilter(IReadOnlyList<string>? ids = null, IReadOnlyList<string>? tags = null) => this with { Ids = ids ?? Ids, Tags = tags ?? Tags };

    /// <summary>Returns a copy with fail-fast set.</summary>
    public EvalRunOptions WithFailFast(bool failFast = true) => this with { FailFast = failFast };

    /// <summary>Returns a copy that records progress to, and resumes from, <paramref name="resumeFile"/>.</summary>
    public EvalRunOptions WithResumeFile(string? resumeFile) => this with { ResumeFile = resumeFile };

    /// <summary>Returns a copy with <paramref name="cache"/>.</summary>
    public EvalRunOptions WithCache(CacheOptions? cache) => this with { Cache = cache };

    /// <summary>Returns a copy with <paramref name="retry"/>.</summary>
    public EvalRunOptions WithRetry(RetryPolicy retry) => this with { Retry = retry };

    /// <summary>Returns a copy whose HTTP provider calls <paramref name="url"/>.</summary>
    public EvalRunOptions WithProviderUrl(Uri? url) => this with { ProviderUrl = url };

    /// <summary>Returns a copy with a model override.</summary>
    public EvalRunOptions WithModel(string? model) => this with { Model = model };

    /// <summary>Returns a copy with a judge model override.</summary>
    public EvalRunOptions WithJudgeModel(string? model) => this with { JudgeModel = model };

    /// <summary>Returns a copy with an OpenAI base URL override.</summary>
    public EvalRunOptions WithOpenAIBaseUrl(Uri? baseUrl) => this with { OpenAIBaseUrl = baseUrl };

    /// <summary>Returns a copy with an in-process system under test for provider <paramref name="id"/>.</summary>
    public EvalRunOptions WithDelegate(string id, Func<EvalCase, CancellationToken, Task<TargetResponse>> invoke) =>
        this with { Delegates = new Dictionary<string, Func<EvalCase, CancellationToken, Task<TargetResponse>>>(Delegates) { [id] = invoke } };

    /// <summary>Returns a copy that ties the HTTP system under test's model calls to cases through <paramref name="ledger"/>.</summary>
    public EvalRunOptions WithModelCalls(ModelCallLedger? ledger) => this with { ModelCalls = ledger };

    /// <summary>Returns a copy whose judge and embedding calls go through <paramref name="proxy"/>.</summary>
    public EvalRunOptions WithModelProxy(ModelProxy? proxy) => this with { ModelProxy = proxy };

    /// <summary>Returns a copy that caches the HTTP system under test's responses under <paramref name="inputsFingerprint"/>.</summary>
    public EvalRunOptions WithHttpResponseCache(string? inputsFingerprint) => this with { HttpResponseCacheFingerprint = inputsFingerprint };

    /// <summary>Returns a copy whose resume identity also covers <paramref name="identity"/>.</summary>
    public EvalRunOptions WithIdentity(string? identity) => this with { IdentityExtra = identity };

    /// <summary>Returns a copy that masks <paramref name="masker"/>'s secrets in what it writes.</summary>
    public EvalRunOptions WithMasker(SecretMasker? masker) => this with { Masker = masker };

    /// <summary>Returns a copy with a baseline for pairwise checks.</summary>
    public EvalRunOptions WithBaseline(Baseline? baseline) => this with { Baseline = baseline };

    /// <summary>Returns a copy that reads environment variables from <paramref name="environment"/>.</summary>
    public EvalRunOptions WithEnvironment(Func<string, string?> environment) => this with { Environment = environment };
}
