namespace Tollgate.Evaluation.Tests.Running;

/// <summary>The real evals/research-assistant.yaml against a /query service that answers its golden set, offline.</summary>
public sealed class ResearchAssistantSuiteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Offline_retrieval_and_deterministic_checks_run_and_judge_checks_report_not_run()
    {
        var suite = SuiteLoader.Load(Path.Combine(Tollgate.TestSupport.RepositoryRoot.Path, "evals", "research-assistant.yaml"));
        await using var service = await StartGoldenService(suite);

        var run = await new EvaluationRunner().RunAsync(suite, Options(service), null, CancellationToken.None);
        var gates = new GateEvaluator(GateOptions.Default).Evaluate(suite, run, null);

        run.Cases.Should().HaveCount(suite.Cases.Count).And.OnlyContain(c => c.Passed);
        var checks = run.Cases.SelectMany(c => c.Attempts).SelectMany(a => a.Assertions).ToList();
        checks.Where(a => a.Metric == "recall@5").Should().OnlyContain(a => a.Status == AssertionStatus.Passed);
        checks.Where(a => a.Type is "answer-relevance" or "faithfulness").Should().OnlyContain(a => a.Status == AssertionStatus.NotRun && !a.Required);
        checks.First(a => a.Type == "answer-relevance").Reason.Should().Contain("OPENAI_API_KEY");
        gates.Passed.Should().BeTrue(string.Join("\n", gates.Failures));
    }

    [Fact]
    public async Task A_read_only_run_calls_the_http_service_again_and_only_an_inputs_fingerprint_lets_it_replay()
    {
        var suite = SuiteLoader.Load(Path.Combine(Tollgate.TestSupport.RepositoryRoot.Path, "evals", "research-assistant.yaml"));
        await using var service = await StartGoldenService(suite);
        var cache = new CacheOptions(Path.Combine(_dir.Path, "cache"));
        await new EvaluationRunner().RunAsync(suite, Options(service).WithCache(cache), null, CancellationToken.None);
        Directory.Exists(cache.Directory).Should().BeFalse("an HTTP service's answers are not cached: its code and documents are not in the key");

        var replay = await new EvaluationRunner().RunAsync(suite, Options(service).WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        service.RequestCount.Should().Be(2 * suite.Cases.Count, "read-only mode still evaluates the service as it is now");
        replay.Cases.Should().OnlyContain(c => c.Passed && !c.Attempts[0].Cached);

        var opted = Options(service).WithHttpResponseCache("inputs-v1");
        await new EvaluationRunner().RunAsync(suite, opted.WithCache(cache), null, CancellationToken.None);
        var cached = await new EvaluationRunner().RunAsync(suite, opted.WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);
        cached.Cases.Should().OnlyContain(c => c.Attempts[0].Cached);
        var changedInputs = await new EvaluationRunner().RunAsync(suite, Options(service).WithHttpResponseCache("inputs-v2").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);
        changedInputs.Cases.Should().OnlyContain(c => !c.Passed && c.Error!.Contains("no cached response", StringComparison.Ordinal), "changed inputs are a new key");
    }

    private static EvalRunOptions Options(LoopbackHttpServer service) =>
        EvalRunOptions.Default.WithEnvironment(name => name == "RESEARCH_ASSISTANT_URL" ? new Uri(service.BaseAddress, "/query").ToString() : null);

    private static Task<LoopbackHttpServer> StartGoldenService(EvalSuite suite)
    {
        var byQuestion = suite.Cases.ToDictionary(c => c.Vars["question"]);
        return FakeQueryService.StartAsync(question =>
        {
            var golden = byQuestion[question];
            var passage = $"Passage about {string.Join(", ", golden.ExpectedKeywords)}.";
            return new(
                $"Answer: {string.Join(", ", golden.ExpectedKeywords)}.",
                [.. golden.ExpectedDocumentIds, "doc-999"],
                RetrievedTexts: [.. golden.ExpectedDocumentIds.Select(_ => passage), "unrelated"]);
        });
    }
}
