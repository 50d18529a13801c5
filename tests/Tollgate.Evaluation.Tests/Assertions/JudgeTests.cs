namespace Tollgate.Evaluation.Tests.Assertions;

public sealed class JudgeTests
{
    [Fact]
    public async Task An_llm_rubric_scores_with_the_judges_json()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode
            ? FakeReply.Text("""{"score": 4, "reasoning": "mentions the price"}""")
            : FakeReply.Text("$12 per seat"));

        var result = await RunOne(server, new AssertionSpec("llm-rubric") { Value = "States the Team price" });

        result.Status.Should().Be(AssertionStatus.Passed);
        result.Score.Should().Be(0.75);
        result.Reason.Should().Contain("4/5").And.Contain("mentions the price");
        result.JudgeUsage.Should().Be(new TokenUsage(20, 8));
        server.ChatCalls.Last().User.Should().Contain("States the Team price").And.Contain("$12 per seat");
    }

    [Fact]
    public async Task Malformed_judge_json_is_repaired_once()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => !call.JsonMode ? FakeReply.Text("answer")
            : call.Messages.Count > 2 ? FakeReply.Text("""{"score": 5, "reasoning": "ok"}""")
            : FakeReply.Text("Score: 5 — great answer"));

        var result = await RunOne(server, new AssertionSpec("llm-rubric") { Value = "x" });

        result.Status.Should().Be(AssertionStatus.Passed);
        var repair = server.ChatCalls.Last();
        repair.Messages.Should().HaveCount(4);
        repair.User.Should().StartWith("Your reply could not be used");
        result.JudgeUsage.Should().Be(new TokenUsage(40, 16), "both judge calls count");
    }

    [Fact]
    public async Task Judge_json_that_stays_malformed_errors_the_case()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode ? FakeReply.Text("""{"verdict": "good"}""") : FakeReply.Text("answer"));

        var result = await RunOne(server, new AssertionSpec("g-eval") { Value = "Correct", Values = ["Read it", "Check the price"] });

        result.Status.Should().Be(AssertionStatus.Error);
        result.Reason.Should().Contain("after one repair").And.Contain("'score' is missing");
        server.ChatCalls.Count(c => c.JsonMode).Should().Be(2);
    }

    [Fact]
    public async Task Faithfulness_counts_supported_claims_against_the_context()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode
            ? FakeReply.Text("""{"claims": [{"claim": "a", "supported": true}, {"claim": "b", "supported": false}]}""")
            : FakeReply.Text("answer"));

        var result = await RunOne(server, new AssertionSpec("faithfulness") { Threshold = 0.5 }, evalCase => evalCase with { Context = ["The Team plan costs $12."] });

        result.Score.Should().Be(0.5);
        result.Status.Should().Be(AssertionStatus.Passed);
        server.ChatCalls.Last().User.Should().Contain("The Team plan costs $12.");
    }

    [Fact]
    public async Task Embedding_similarity_uses_the_embeddings_endpoint()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("twelve dollars per seat"));

        var close = await RunOne(server, new AssertionSpec("embedding-similarity") { Value = "twelve dollars per seat", Threshold = 0.99 });
        var far = await RunOne(server, new AssertionSpec("embedding-similarity") { Value = "zzz", Threshold = 0.5 });

        close.Status.Should().Be(AssertionStatus.Passed);
        far.Status.Should().Be(AssertionStatus.Failed);
    }

    [Fact]
    public async Task Pairwise_prefers_against_the_baselines_answer()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode ? FakeReply.Text("""{"winner": "B", "reasoning": "B is complete"}""") : FakeReply.Text("new answer"));
        var baseline = new Baseline("s", DateTimeOffset.UnixEpoch, new Dictionary<string, double>(),
            new Dictionary<string, BaselineCase> { ["a"] = new(true, 1, "old answer", 10, 10, 0, new Dictionary<string, double>()) });

        var result = await RunOne(server, new AssertionSpec("pairwise"), options: o => o.WithBaseline(baseline));

        result.Status.Should().Be(AssertionStatus.Failed);
        result.Reason.Should().Be("the baseline's answer is preferred");
        server.ChatCalls.Last().User.Should().Contain("Answer B:\nold answer");
    }

    [Fact]
    public async Task Judge_tokens_count_in_the_attempts_cost()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode ? FakeReply.Text("""{"score": 5}""") : FakeReply.Text("answer"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q")])
        {
            Judge = TestSuites.Judge(server.BaseUrl) with { Model = "gpt-4o" },
            DefaultAssertions = [new AssertionSpec("answer-relevance")],
        };

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        var attempt = run.Cases[0].Attempts[0];
        attempt.JudgeUsage.Should().Be(new TokenUsage(20, 8));
        attempt.CostUsd.Should().BeApproximately((((20 * 0.15) + (8 * 0.60)) + ((20 * 2.50) + (8 * 10.00))) / 1_000_000, 1e-12);
    }

    [Fact]
    public async Task Without_a_judge_model_graded_checks_do_not_run_and_never_pass()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("answer"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q")])
        {
            DefaultAssertions = [new AssertionSpec("answer-relevance")],
            Gates = [new GateSpec("pass-rate") { Min = 0 }],
        };

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);
        var gates = new GateEvaluator(GateOptions.Default).Evaluate(suite, run, null);

        var check = run.Cases[0].Attempts[0].Assertions.Single();
        check.Status.Should().Be(AssertionStatus.NotRun);
        check.Reason.Should().Contain("no judge configured");
        run.Cases[0].Passed.Should().BeFalse();
        gates.Passed.Should().BeFalse();
        gates.Failures.Should().Contain(f => f.StartsWith("required-checks-not-run", StringComparison.Ordinal));
    }

    private static async Task<AssertionResult> RunOne(FakeOpenAI server, AssertionSpec spec, Func<EvalCase, EvalCase>? shape = null, Func<EvalRunOptions, EvalRunOptions>? options = null)
    {
        var evalCase = (shape ?? (c => c))(TestSuites.Case("a", "How much is Team?"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [evalCase])
        {
            Judge = TestSuites.Judge(server.BaseUrl),
            EmbeddingModel = "text-embedding-3-small",
            DefaultAssertions = [spec],
        };
        var run = await new EvaluationRunner().RunAsync(suite, (options ?? (o => o))(TestSuites.OfflineOptions()), null, CancellationToken.None);
        return run.Cases[0].Attempts[0].Assertions.Single();
    }
}
