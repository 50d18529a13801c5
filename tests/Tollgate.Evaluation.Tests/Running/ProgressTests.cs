namespace Tollgate.Evaluation.Tests.Running;

public sealed class ProgressTests
{
    [Fact]
    public async Task Live_progress_shows_cases_done_pass_rate_tokens_and_cost()
    {
        var suite = new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate) { Model = "gpt-4o" }, [TestSuites.Case("a", "q"), TestSuites.Case("b", "q")])
        {
            DefaultAssertions = [new AssertionSpec("equals") { Value = "yes" }],
        };
        var options = EvalRunOptions.Default.WithConcurrency(1).WithDelegate("app", (c, _) =>
            Task.FromResult(new TargetResponse(c.Id == "a" ? "yes" : "no") { Usage = new TokenUsage(1000, 500) }));
        var bar = new RecordingProgress();

        await new EvaluationRunner().RunAsync(suite, options, new ProgressObserver(bar), CancellationToken.None);

        bar.Count.Should().Be(2); // the bar shows n/total itself, so the status does not repeat it
        bar.Statuses[0].Should().Be("pass 100 % · 1,500 tokens · $0.0075");
        bar.Statuses[1].Should().Be("pass 50 % · 3,000 tokens · $0.015");
    }
}
