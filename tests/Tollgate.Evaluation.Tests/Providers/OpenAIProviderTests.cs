namespace Tollgate.Evaluation.Tests.Providers;

public sealed class OpenAIProviderTests
{
    private readonly EvaluationRunner _runner = new();

    [Fact]
    public async Task A_prompt_runs_through_the_OpenAI_SDK_with_usage_and_cost()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) =>
            FakeReply.Text(call.User.Contains("Team", StringComparison.Ordinal) ? "The Team plan is $12 per seat per month." : "I don't know."));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("team", "How much is the Team plan?", "$12", "seat")])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
        };

        var run = await _runner.RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        var attempt = run.Cases.Should().ContainSingle().Subject.Attempts.Should().ContainSingle().Subject;
        attempt.Passed.Should().BeTrue();
        attempt.Usage.Should().Be(new TokenUsage(20, 8));
        attempt.CostUsd.Should().BeApproximately(((20 * 0.15) + (8 * 0.60)) / 1_000_000, 1e-12);
        var call = server.ChatCalls.Should().ContainSingle().Subject;
        call.Model.Should().Be("gpt-4o-mini");
        call.System.Should().Be("You answer questions about the product.");
        call.User.Should().Be("How much is the Team plan?");
    }

    [Fact]
    public async Task A_provider_that_sends_no_usage_is_costed_from_tokens_counted_with_the_models_tokenizer()
    {
        const string Answer = "The Team plan is $12 per seat per month.";
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text(Answer) with { OmitUsage = true });
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("team", "How much is the Team plan?", "$12", "seat")])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
        };

        var run = await _runner.RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        var attempt = run.Cases.Single().Attempts.Single();
        attempt.Usage.Estimated.Should().BeTrue();
        attempt.Usage.OutputTokens.Should().Be(Prompts.TokenCounter.Count(Answer, "gpt-4o-mini"));
        var prompt = Prompts.TokenCounter.Count("You answer questions about the product.", "gpt-4o-mini") + Prompts.TokenCounter.Count("How much is the Team plan?", "gpt-4o-mini");
        attempt.Usage.InputTokens.Should().Be(prompt + (2 * 3) + 3, "each message adds its role and separators, the reply its priming");
        attempt.CostUsd.Should().BeApproximately(((attempt.Usage.InputTokens * 0.15) + (attempt.Usage.OutputTokens * 0.60)) / 1_000_000, 1e-12).And.BeGreaterThan(0);
    }

    [Fact]
    public async Task A_wrong_answer_fails_with_the_missing_keywords()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("Plans start at $10."));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("team", "Team price?", "$12", "seat")])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
        };

        var run = await _runner.RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        var result = run.Cases.Single();
        result.Passed.Should().BeFalse();
        result.Attempts[0].Assertions[0].Reason.Should().Be("missing '$12', 'seat'");
    }

    [Fact]
    public async Task A_cheaper_model_can_be_chosen_by_option()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("ok"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl, "gpt-4o"), [TestSuites.Case("a", "q")]);

        await _runner.RunAsync(suite, TestSuites.OfflineOptions().WithModel("gpt-4.1-nano"), null, CancellationToken.None);

        server.ChatCalls.Single().Model.Should().Be("gpt-4.1-nano");
    }

    [Fact]
    public async Task A_missing_api_key_fails_before_any_model_call()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("ok"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q")]);

        var act = () => _runner.RunAsync(suite, TestSuites.OfflineOptions().WithEnvironment(_ => null), null, CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("OPENAI_API_KEY is not set");
        server.RequestCount.Should().Be(0);
    }
}
