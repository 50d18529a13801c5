using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>
/// The LlmEval stage: runs an evaluation suite (<see cref="LlmEvalServiceSettings.SuitePath"/>) against the system under
/// test, gates on pass rate, scores, latency, tokens and cost (with confidence bounds when sampling or repeating) and
/// against the baseline, and writes JSON, JUnit, Markdown and HTML reports to <c>artifacts/llm-eval</c>. For an HTTP
/// suite whose URL variable is unset it starts a local model proxy and then the service
/// (<see cref="LlmEvalServiceCommand"/>) on a free port, with its model base URL pointing at the proxy: the service runs
/// for real on every run and only its model calls are recorded and replayed.
/// </summary>
public interface ILlmEval : ITollgateBuild
{
    /// <summary>The suite file, relative to the root.</summary>
    [Parameter("The evaluation suite file, relative to the root (default: the build's LlmEvalService.SuitePath).")]
    string? EvalSuite => TryGetValue<string>();

    /// <summary>The response cache mode.</summary>
    [Parameter("Response cache mode: read-write (default), read-only (CI replay: a miss is an error), off, refresh.")]
    string? EvalCacheMode => TryGetValue<string>();

    /// <summary>The cache directory, relative to the root.</summary>
    [Parameter("Response cache directory, relative to the root (default evals/.cache; commit it to replay in CI).")]
    string? EvalCacheDirectory => TryGetValue<string>();

    /// <summary>The cache time-to-live in hours.</summary>
    [Parameter("Response cache time-to-live in hours (default: no expiry).")]
    double? EvalCacheTtlHours => TryGetValue<double?>();

    /// <summary>Attempts per case.</summary>
    [Parameter("Attempts per case, for flaky judges (default 1).")]
    int? EvalRepeat => TryGetValue<int?>();

    /// <summary>Attempts that must pass.</summary>
    [Parameter("Attempts that must pass for a case to pass (default: all).")]
    int? EvalMinPass => TryGetValue<int?>();

    /// <summary>The fraction of cases to run.</summary>
    [Parameter("Fraction of cases to run, e.g. 0.1; gates then use 95 % lower confidence bounds.")]
    double? EvalSample => TryGetValue<double?>();

    /// <summary>The sampling and bootstrap seed.</summary>
    [Parameter("Seed for sampling and bootstrap intervals.")]
    int? EvalSeed => TryGetValue<int?>();

    /// <summary>Only these case ids.</summary>
    [Parameter("Only these case ids, separated by spaces or commas (--eval-cases a,b or --eval-cases a b).")]
    string[]? EvalCases => TryGetValue<string[]>();

    /// <summary>Only cases with these tags.</summary>
    [Parameter("Only cases with any of these tags, separated by spaces or commas.")]
    string[]? EvalTags => TryGetValue<string[]>();

    /// <summary>Stop at the first failing case.</summary>
    [Parameter("Stop at the first failing case.")]
    bool? EvalFailFast => TryGetValue<bool?>();

    /// <summary>Most cases in flight.</summary>
    [Parameter("Most cases in flight (default: the suite's, else 8).")]
    int? EvalConcurrency => TryGetValue<int?>();

    /// <summary>A cheaper model for CI.</summary>
    [Parameter("Model override for an OpenAI provider (a cheaper model in CI).")]
    string? EvalModel => TryGetValue<string>();

    /// <summary>The judge model override.</summary>
    [Parameter("Judge model override.")]
    string? EvalJudgeModel => TryGetValue<string>();

    /// <summary>The URL of an already running system under test.</summary>
    [Parameter("URL of an already running HTTP system under test (skips starting the service).")]
    string? EvalProviderUrl => TryGetValue<string>();

    /// <summary>The model the service answers with; unset runs the service offline (no model calls).</summary>
    [Parameter("Model the system under test answers with, through the model proxy (unset: the service runs offline).")]
    string? EvalServiceModel => TryGetValue<string>();

    /// <summary>The provider's OpenAI-compatible base URL the model proxy forwards to.</summary>
    [Parameter("OpenAI-compatible base URL the model proxy forwards to (default: the judge's base URL, else OpenAI).")]
    string? EvalModelBaseUrl => TryGetValue<string>();

    /// <summary>The real model key: the proxy forwards with it; the service only ever sees a placeholder.</summary>
    [Parameter("Model key the proxy forwards with (default: the judge's api_key_env variable). The service never sees it.")]
    [Secret]
    string? EvalModelApiKey => TryGetValue<string>();

    /// <summary>Globs whose fingerprint keys cached HTTP responses; unset: the service is called on every run.</summary>
    [Parameter("Cache the HTTP service's whole responses, keyed also by a fingerprint of these globs (off by default: only model calls are replayed).")]
    string[]? EvalHttpResponseCache => TryGetValue<string[]>();

    /// <summary>Write the baseline from this run.</summary>
    [Parameter("Write evals/<suite>.baseline.json from this run.")]
    bool? UpdateBaseline => TryGetValue<bool?>();

    /// <summary>Approve a cost increase over 20 %.</summary>
    [Parameter("Approve a cost increase over 20 % (also: the PR label cost-increase-approved).")]
    bool? CostIncreaseApproved => TryGetValue<bool?>();

    /// <summary>The project's suite path, service command, port, readiness check and inputs; override in the build.</summary>
    LlmEvalServiceSettings LlmEvalService => new();

    /// <summary>The command that starts the HTTP system under test on <paramref name="port"/> (from <see cref="LlmEvalService"/>).</summary>
    CommandSpec? LlmEvalServiceCommand(int port) => LlmEvalService.Command?.Invoke(port);

    /// <summary>The run options from the parameters; override to change them in code.</summary>
    EvalRunOptions LlmEvalSettings
    {
        get
        {
            var options = EvalRunOptions.Default
                .WithRepeat(EvalRepeat ?? 1, EvalMinPass)
                .WithSample(EvalSample ?? 1, EvalSeed)
                .WithFilter(ListParameter.Split(EvalCases), ListParameter.Split(EvalTags))
                .WithFailFast(EvalFailFast ?? false)
                .WithModel(EvalModel)
                .WithJudgeModel(EvalJudgeModel)
                .WithResumeFile(TemporaryDirectory / "llm-eval" / "progress.jsonl")
                .WithCache(new CacheOptions(RootDirectory / (EvalCacheDirectory ?? "evals/.cache"), LlmEvalCacheModes.Parse(EvalCacheMode), EvalCacheTtlHours is { } h ? TimeSpan.FromHours(h) : null));
            options = EvalConcurrency is { } concurrency ? options.WithConcurrency(concurrency) : options;
            return EvalProviderUrl is { } url ? options.WithProviderUrl(new Uri(url)) : options;
        }
    }

    /// <summary>Runs the suite, writes reports and the summary, and fails on a failed gate.</summary>
    Target LlmEval => _ => _
        .Description("Evaluates the LLM application against its golden set with statistical quality gates and baselines")
        .Produces("artifacts/llm-eval/**")
        .Uses(() => EvalModelApiKey)
        .Exclusive(BuildResources.DotnetProjects)
        .Executes(async cancellationToken =>
        {
            var outcome = await LlmEvalStage.RunAsync(this, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in outcome.Diagnostics(RootDirectory).Take(50))
            {
                Host.ReportDiagnostic(diagnostic);
            }

            Host.AppendSummary(outcome.Summary);
            if (!outcome.Gates.Passed)
            {
                // The first line names the failed gates: hosts show only it in the annotation and the summary's note.
                var failed = outcome.Gates.Outcomes.Where(o => o.Status == GateStatus.Failed).Select(o => o.Metric);
                throw new TollgateException($"LlmEval gates failed for {outcome.Suite.Name}: {string.Join(", ", failed)}\n- {string.Join("\n- ", outcome.Gates.Failures)}\nReports: {outcome.Reports.Html}");
            }
        });
}
