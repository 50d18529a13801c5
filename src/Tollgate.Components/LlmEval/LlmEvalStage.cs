using Tollgate.Evaluation;

namespace Tollgate.Components.LlmEval;

/// <summary>The LlmEval target's work, kept out of the interface so the interface stays a list of parameters.</summary>
internal static class LlmEvalStage
{
    public static async Task<LlmEvalOutcome> RunAsync(ILlmEval build, CancellationToken cancellationToken)
    {
        var suitePath = build.RootDirectory / (build.EvalSuite ?? "evals/research-assistant.yaml");
        var suite = SuiteLoader.Load(suitePath);
        var options = build.LlmEvalSettings;
        var masker = new SecretMasker();
        foreach (var variable in new[] { suite.Provider.ApiKeyEnv, suite.Judge?.ApiKeyEnv })
        {
            var secret = variable is null ? null : Environment.GetEnvironmentVariable(variable);
            masker.Add(secret);
            if (!string.IsNullOrEmpty(secret))
            {
                build.Host.RegisterSecret(secret);
            }
        }

        options = options.Cache is { } cacheOptions ? options.WithCache(cacheOptions.WithMasker(masker)) : options;
        IRunningProcess? service = null;
        try
        {
            var urlFromEnvironment = suite.Provider.UrlEnv is { } env && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(env));
            var replayOnly = options.Cache?.Mode == CacheMode.ReadOnly;
            if (suite.Provider.Kind == ProviderKind.Http && options.ProviderUrl is null && !urlFromEnvironment && replayOnly)
            {
                // A read-only replay never calls the service (a miss is an error), so it is not started.
                options = options.WithProviderUrl(new Uri("http://127.0.0.1:9/replay-only"));
            }
            else if (suite.Provider.Kind == ProviderKind.Http && options.ProviderUrl is null && !urlFromEnvironment)
            {
                var port = LlmEvalService.FreePort();
                build.Log.Information($"Starting the system under test on port {port}");
                service = await LlmEvalService.StartAsync(build.Processes, build.LlmEvalServiceCommand(port), port, TimeSpan.FromMinutes(3), cancellationToken).ConfigureAwait(false);
                options = options.WithProviderUrl(new Uri($"http://127.0.0.1:{port}{new Uri(suite.Provider.Url ?? "http://x/query").AbsolutePath}"));
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
            var approved = CostApproval.IsApproved(build.CostIncreaseApproved ?? false, Environment.GetEnvironmentVariable("GITHUB_EVENT_PATH"));
            var gates = new GateEvaluator(GateOptions.Default.WithCostIncreaseApproved(approved)).Evaluate(suite, run, baseline);
            var reports = ReportWriters.WriteAll(build.ArtifactsDirectory / "llm-eval", new ReportContext(suite, run, gates, baseline), masker);
            build.Log.Information($"{run.Passed}/{run.Cases.Count} cases passed; cache {run.CacheHits} hits, {run.CacheMisses} misses; reports in {reports.Html}");
            if (build.UpdateBaseline == true)
            {
                store.Save(run);
                build.Log.Information($"Wrote the baseline {store.Path}");
            }

            return new LlmEvalOutcome(suite, run, gates, reports);
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
