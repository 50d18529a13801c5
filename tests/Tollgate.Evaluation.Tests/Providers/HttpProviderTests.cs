namespace Tollgate.Evaluation.Tests.Providers;

public sealed class HttpProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_http_provider_maps_answer_retrieved_ids_and_usage_with_json_paths()
    {
        await using var service = await FakeQueryService.StartAsync(q => new("Team costs $12 per seat.", ["doc-004", "doc-001"]));
        var path = _dir.Write("suite.yaml", """
            provider:
              type: http
              url_env: SERVICE_URL
              body: '{"question": {{ question | json }}}'
              response: { output: $.answer, retrieved_ids: "$.retrieved[*].id", prompt_tokens: $.usage.promptTokens, completion_tokens: $.usage.completionTokens, model: $.model }
            default_assert:
              - type: recall@5
            tests:
              - id: team
                vars: { question: 'How much is "Team"?' }
                expected_document_ids: [doc-004]
            """);
        var options = TestSuites.OfflineOptions().WithEnvironment(name => name == "SERVICE_URL" ? new Uri(service.BaseAddress, "/query").ToString() : null);

        var run = await new EvaluationRunner().RunAsync(SuiteLoader.Load(path), options, null, CancellationToken.None);

        var attempt = run.Cases.Single().Attempts.Single();
        attempt.Output.Should().Be("Team costs $12 per seat.");
        attempt.RetrievedIds.Should().Equal("doc-004", "doc-001");
        attempt.Usage.Should().Be(new TokenUsage(100, 20));
        attempt.Model.Should().Be("gpt-4o-mini");
        attempt.Assertions.Single().Status.Should().Be(AssertionStatus.Passed);
    }

    [Fact]
    public async Task A_delegate_provider_runs_in_process()
    {
        var suite = new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate), [TestSuites.Case("a", "ping")])
        {
            DefaultAssertions = [new AssertionSpec("equals") { Value = "pong: {{ question }}" }],
        };
        var options = EvalRunOptions.Default.WithDelegate("app", (c, _) => Task.FromResult(new TargetResponse("pong: " + c.Question)));

        var run = await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);

        run.Cases.Single().Passed.Should().BeTrue();
    }

    [Fact]
    public async Task An_unregistered_delegate_names_the_nearest_registered_one()
    {
        var suite = new EvalSuite("s", new ProviderSpec("ap", ProviderKind.Delegate), [TestSuites.Case("a", "q")]);
        var options = EvalRunOptions.Default.WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse("x")));

        var act = () => new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);

        (await act.Should().ThrowAsync<SuiteException>()).Which.Message.Should().Contain("did you mean 'app'?");
    }
}
