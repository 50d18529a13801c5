using System.Text.Json.Nodes;

namespace Tollgate.Evaluation.Tests.Proxy;

public sealed class JudgeThroughProxyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CacheDirectory => Path.Combine(_dir.Path, "cache");

    [Fact]
    public async Task A_judge_call_recorded_once_replays_in_read_only_mode_without_the_provider_or_a_key()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode
            ? FakeReply.Text("""{"score": 5, "reasoning": "direct"}""")
            : FakeReply.Text("The Team plan is $12 per seat."));
        var cache = new CacheOptions(CacheDirectory);
        var recording = await new EvaluationRunner().RunAsync(Suite(server.BaseUrl), TestSuites.OfflineOptions("the-real-judge-key").WithCache(cache), null, CancellationToken.None);
        var requests = server.RequestCount;

        var replay = await new EvaluationRunner().RunAsync(Suite(server.BaseUrl), TestSuites.OfflineOptions(apiKey: "").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        recording.JudgeCallsForwarded.Should().Be(1, "the judge's verdict went through the proxy to the provider");
        server.RequestCount.Should().Be(requests, "the replay makes no request");
        replay.JudgeCallsReplayed.Should().Be(1);
        replay.JudgeCallsMissed.Should().Be(0);
        Judged(replay).Status.Should().Be(AssertionStatus.Passed);
        var entries = Directory.EnumerateFiles(CacheDirectory, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        var judgeEntry = entries.Select(e => JsonNode.Parse(e)!).Single(e => e["request"]?["kind"]?.GetValue<string>() == "model");
        judgeEntry["request"]!["endpoint"]!.GetValue<string>().Should().Be("chat/completions", "the judge is recorded like the service's own model calls");
        judgeEntry["request"]!["request"]!["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        judgeEntry["label"]!.GetValue<string>().Should().Be("team (judge)");
        entries.Should().NotContain(e => e.Contains("the-real-judge-key", StringComparison.Ordinal) || e.Contains(ProxiedJudge.PlaceholderKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_only_judge_miss_names_the_case_the_model_and_the_first_differing_part()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("""{"score": 5, "reasoning": "direct"}"""));
        var cache = new CacheOptions(CacheDirectory);
        await new EvaluationRunner().RunAsync(DelegateSuite(server.BaseUrl, "States the $12 price"), Answering().WithCache(cache), null, CancellationToken.None);

        // The rubric changed: the judge is asked a new question, which has no recording.
        var run = await new EvaluationRunner().RunAsync(DelegateSuite(server.BaseUrl, "States the $15 price"), Answering(key: "").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        var judged = run.Cases[0].Attempts[0].Assertions.Single(a => a.Type == "llm-rubric");
        judged.Status.Should().Be(AssertionStatus.NotRun, "a judge check with no recording never passes");
        judged.Reason.Should().Contain("team (judge)").And.Contain("model gpt-4o-mini").And.Contain("read-only")
            .And.Contain("differs first at messages[1].content").And.Contain("$12").And.Contain("$15").And.Contain("--eval-cache-mode read-write");
        judged.Reason.Should().NotContain("Tollgate model proxy:", "the prefix is the proxy's, not the reader's");
        run.JudgeCallsMissed.Should().Be(1);
    }

    [Fact]
    public async Task The_json_and_junit_reports_count_judge_calls_made_cached_and_not_run()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("""{"score": 5, "reasoning": "direct"}"""));
        var cache = new CacheOptions(CacheDirectory);
        var recording = await new EvaluationRunner().RunAsync(DelegateSuite(server.BaseUrl, "States the $12 price"), Answering().WithCache(cache), null, CancellationToken.None);
        var replay = await new EvaluationRunner().RunAsync(DelegateSuite(server.BaseUrl, "States the $12 price"), Answering(key: "").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);
        var missed = await new EvaluationRunner().RunAsync(DelegateSuite(server.BaseUrl, "States the $15 price"), Answering(key: "").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        ReportedJudgeCalls(recording).Should().Equal(1, 0, 0);
        ReportedJudgeCalls(replay).Should().Equal(0, 1, 0);
        ReportedJudgeCalls(missed).Should().Equal(0, 0, 1);
    }

    /// <summary>Judge calls made, cached and not run, read from results.json and checked against the JUnit properties.</summary>
    private static int[] ReportedJudgeCalls(EvalRunResult run)
    {
        var suite = DelegateSuite(new Uri("http://127.0.0.1:9/v1"), "unused");
        var context = new ReportContext(suite, run, new GateEvaluator(GateOptions.Default).Evaluate(suite, run, null), null);
        var judge = JsonNode.Parse(JsonReport.Render(context))!["summary"]!["judgeCalls"]!;
        int[] fromJson = [judge["made"]!.GetValue<int>(), judge["cached"]!.GetValue<int>(), judge["notRun"]!.GetValue<int>()];
        var properties = System.Xml.Linq.XDocument.Parse(JUnitReport.Render(context)).Descendants("property")
            .ToDictionary(p => p.Attribute("name")!.Value, p => int.Parse(p.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        int[] fromJUnit = [properties["llmeval.judge-calls.made"], properties["llmeval.judge-calls.cached"], properties["llmeval.judge-calls.not-run"]];
        fromJUnit.Should().Equal(fromJson, "both reports carry the log line's counts");
        return fromJson;
    }

    [Fact]
    public async Task A_repeated_attempt_gets_its_own_judge_recording()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode
            ? FakeReply.Text("""{"score": 4, "reasoning": "ok"}""")
            : FakeReply.Text("The Team plan is $12 per seat."));

        var run = await new EvaluationRunner().RunAsync(Suite(server.BaseUrl), TestSuites.OfflineOptions().WithCache(new CacheOptions(CacheDirectory)).WithRepeat(2), null, CancellationToken.None);

        run.JudgeCallsForwarded.Should().Be(2, "attempt 2 asks the judge again instead of replaying attempt 1's verdict");
        server.ChatCalls.Count(c => c.JsonMode).Should().Be(2);
    }

    [Fact]
    public async Task Judge_calls_use_the_proxy_the_run_is_given_and_are_counted_in_its_ledger_not_as_untraced_failures()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("The Team plan is $12 per seat."));
        var cache = new CacheOptions(CacheDirectory, CacheMode.ReadOnly);
        await using var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(cache, null, null), CancellationToken.None);
        var options = TestSuites.OfflineOptions().WithCache(cache.WithMode(CacheMode.ReadWrite)).WithModelProxy(proxy).WithModelCalls(proxy.Ledger);

        var run = await new EvaluationRunner().RunAsync(Suite(server.BaseUrl), options, null, CancellationToken.None);

        proxy.Ledger.Calls.Should().ContainSingle().Which.Should().Match<ModelCall>(c => c.Label == "team (judge)" && c.Outcome == ModelCallOutcome.Missed);
        proxy.Ledger.UntracedFailures.Should().BeEmpty("the miss belongs to the case's judge check, which reports it");
        run.JudgeCallsMissed.Should().Be(1);
        Judged(run).Reason.Should().Contain("team (judge)");
        server.ChatCalls.Should().OnlyContain(c => !c.JsonMode, "the judge never reached the provider directly");
    }

    [Fact]
    public async Task Embedding_calls_go_through_the_proxy_and_replay_read_only()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("twelve dollars per seat"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q") with { Expected = "twelve dollars per seat" }])
        {
            Judge = TestSuites.Judge(server.BaseUrl),
            EmbeddingModel = "text-embedding-3-small",
            DefaultAssertions = [new AssertionSpec("embedding-similarity")],
        };
        var cache = new CacheOptions(CacheDirectory);
        var recording = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithCache(cache), null, CancellationToken.None);

        var replay = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions("").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        recording.JudgeCallsForwarded.Should().Be(1);
        replay.JudgeCallsReplayed.Should().Be(1);
        replay.Cases[0].Attempts[0].Assertions.Single().Status.Should().Be(AssertionStatus.Passed);
    }

    private static AssertionResult Judged(EvalRunResult run) => run.Cases[0].Attempts[0].Assertions.Single(a => a.Type == "answer-relevance");

    private static EvalRunOptions Answering(string key = "test-key") =>
        TestSuites.OfflineOptions(key).WithDelegate("assistant", (_, _) => Task.FromResult(new TargetResponse("The Team plan is $12 per seat.")));

    private static EvalSuite DelegateSuite(Uri judgeUrl, string rubric) =>
        new("s", new ProviderSpec("assistant", ProviderKind.Delegate), [TestSuites.Case("team", "What does the Team plan cost?", "$12")])
        {
            Judge = TestSuites.Judge(judgeUrl),
            DefaultAssertions = [new AssertionSpec("icontains-all"), new AssertionSpec("llm-rubric") { Value = rubric, Required = false }],
        };

    private static EvalSuite Suite(Uri baseUrl) =>
        new("s", TestSuites.Chat(baseUrl), [TestSuites.Case("team", "What does the Team plan cost?", "$12")])
        {
            Judge = TestSuites.Judge(baseUrl),
            DefaultAssertions = [new AssertionSpec("icontains-all"), new AssertionSpec("answer-relevance") { Required = false }],
        };
}
