using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>The LlmEval target's work, kept out of the interface so the interface stays a list of parameters.</summary>
internal static class LlmEvalStage
{
    public static async Task<LlmEvalOutcome> RunAsync(ILlmEval build, CancellationToken cancellationToken)
    {
        var settings = build.LlmEvalService;
        var suitePath = RepositoryPath.Resolve(build.RootDirectory, build.EvalSuite ?? settings.SuitePath, "--eval-suite");
        var suite = SuiteLoader.Load(suitePath, build.RootDirectory);
        var options = build.LlmEvalSettings;

        // One masker per build: the stage registers its secrets with the build's, so the log, child output, the cache,
        // the progress file and every report mask the same values.
        var masker = build.Log.Masker ?? new SecretMasker();
        foreach (var secret in new[] { Env(suite.Provider.ApiKeyEnv), Env(suite.Judge?.ApiKeyEnv), build.EvalModelApiKey })
        {
            masker.Add(secret);
            build.Log.RegisterSecret(secret);
        }

        // The judge uses the model key parameter when its own variable is unset (the nightly workflow passes only the parameter).
        var judgeKeyVariable = suite.Judge?.ApiKeyEnv;
        var environment = options.Environment;
        options = options.WithEnvironment(name => name == judgeKeyVariable && string.IsNullOrEmpty(environment(name)) ? build.EvalModelApiKey : environment(name));
        var cache = (options.Cache ?? new CacheOptions(build.RootDirectory / "evals" / ".cache")).WithMasker(masker);
        options = options.WithCache(cache).WithMasker(masker);
        var inputs = InputsFingerprint.Compute(build.RootDirectory, settings.Inputs, cache.Directory);
        options = options.WithIdentity($"service-model={build.EvalServiceModel}; inputs={inputs}");
        if (build.EvalHttpResponseCache is { Length: > 0 } globs)
        {
            options = options.WithHttpResponseCache(InputsFingerprint.Compute(build.RootDirectory, ListParameter.Split(globs), cache.Directory));
        }

        LlmEvalSystemUnderTest? started = null;
        try
        {
            var urlFromEnvironment = suite.Provider.UrlEnv is { } env && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(env));
            if (suite.Provider.Kind == ProviderKind.Http && options.ProviderUrl is null && !urlFromEnvironment)
            {
                // Always started, in read-only mode too: the service's code, retrieval and prompts run on every run; only
                // its model calls are replayed.
                started = await LlmEvalSystemUnderTest.StartAsync(build, suite, cache, cancellationToken).ConfigureAwait(false);
                options = options.WithProviderUrl(started.Url).WithModelCalls(started.Proxy.Ledger).WithModelProxy(started.Proxy);
            }

            var store = BaselineStore.For(suite);
            var baseline = store.Load();
            options = options.WithBaseline(baseline);
            var selected = CaseSelection.Select(suite.Cases, options).Count;
            if (selected == 0 && suite.Cases.Count > 0 && (options.Ids.Count > 0 || options.Tags.Count > 0))
            {
                // Otherwise a mistyped id or tag shows up as "pass-rate: 0 is below the minimum".
                throw new TollgateException($"No case of {suite.Name} matches --eval-cases [{string.Join(", ", options.Ids)}] --eval-tags [{string.Join(", ", options.Tags)}]; "
                    + $"the suite's tags are: {string.Join(", ", suite.Cases.SelectMany(c => c.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}");
            }

            EvalRunResult run;
            using (var progress = build.Host.StartProgress($"LlmEval {suite.Name}", selected))
            {
                run = await new EvaluationRunner().RunAsync(suite, options, new ProgressObserver(progress), cancellationToken).ConfigureAwait(false);
            }

            // A finished run starts afresh next time; an interrupted one resumes from the progress file.
            File.Delete(options.ResumeFile!);
            var approved = CostApproval.IsApproved(build.CostIncreaseApproved ?? false, build.EnvironmentVariable("GITHUB_EVENT_PATH"));
            var gates = new GateEvaluator(GateOptions.Default.WithCostIncreaseApproved(approved)).Evaluate(suite, run, baseline);
            var context = new ReportContext(suite, run, gates, baseline);
            var reports = ReportWriters.WriteAll(build.ArtifactsDirectory / "llm-eval", context, masker);
            build.Log.Information($"{run.Passed}/{run.Cases.Count} cases passed; model calls: {run.ModelCallsReplayed} replayed, {run.ModelCallsForwarded} sent to the provider, {run.ModelCallsMissed} missed; "
                + $"judge and embedding calls: {run.JudgeCallsReplayed} replayed, {run.JudgeCallsForwarded} sent to the provider, {run.JudgeCallsMissed} without a recording (their checks did not run); "
                + $"model-provider cache: {run.CacheHits} replayed, {run.CacheMisses} recorded; reports in {reports.Html}");
            ThrowOnUntracedFailures(started);
            ThrowOnUnreadableCacheEntries(run);
            if (build.UpdateBaseline == true)
            {
                store.Save(run);
                build.Log.Information($"Wrote the baseline {store.Path}");
            }

            var summary = masker.Apply(MarkdownReport.Render(new ReportContext(suite, run, gates, null)));
            return new LlmEvalOutcome(suite, run, gates, reports) { Summary = summary, Masker = masker };
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string? Env(string? variable) => variable is null ? null : Environment.GetEnvironmentVariable(variable);

    private static void ThrowOnUnreadableCacheEntries(EvalRunResult run)
    {
        // A damaged recording is bad input, not a quality result: the case stays in the reports as an error, and the run
        // fails even when the gates would let the remaining cases carry it.
        var unreadable = run.Cases.SelectMany(c => c.Attempts).Select(a => a.Error).Where(CacheEntryException.Describes).Distinct(StringComparer.Ordinal).ToList();
        if (unreadable.Count > 0)
        {
            throw new TollgateException($"{unreadable.Count} cache entr{(unreadable.Count == 1 ? "y" : "ies")} could not be read; the first: {unreadable[0]}");
        }
    }

    private static void ThrowOnUntracedFailures(LlmEvalSystemUnderTest? started)
    {
        // A model call without the case's trace id (the service did not propagate traceparent) cannot fail its case;
        // it fails the run instead, so a replay miss can never pass unnoticed.
        if (started?.Proxy.Ledger.UntracedFailures is { Count: > 0 } untraced)
        {
            throw new TollgateException($"{untraced.Count} model call(s) of the system under test failed and could not be tied to a case "
                + $"(the service did not pass on the traceparent header); the first: {untraced[0].Problem}");
        }
    }
}
