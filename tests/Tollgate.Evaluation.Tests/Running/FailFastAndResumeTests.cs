namespace Tollgate.Evaluation.Tests.Running;

public sealed class FailFastAndResumeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Fail_fast_stops_at_the_first_failing_case()
    {
        var suite = Suite(50);
        var options = EvalRunOptions.Default.WithConcurrency(1).WithFailFast()
            .WithDelegate("app", (c, _) => Task.FromResult(new TargetResponse(c.Id == "c3" ? "wrong" : "right")));

        var run = await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);

        run.StoppedEarly.Should().BeTrue();
        run.Cases.Select(c => c.Id).Should().Equal("c1", "c2", "c3");
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_repeating_finished_cases()
    {
        var suite = Suite(20);
        var log = Path.Combine(_dir.Path, "progress.jsonl");
        var invoked = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var interrupt = new CancellationTokenSource();
        var first = EvalRunOptions.Default.WithConcurrency(1).WithResumeFile(log).WithDelegate("app", async (c, ct) =>
        {
            if (c.Id == "c8")
            {
                await interrupt.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }

            return new TargetResponse("right");
        });
        var interrupted = () => new EvaluationRunner().RunAsync(suite, first, null, interrupt.Token);
        await interrupted.Should().ThrowAsync<OperationCanceledException>();

        var second = EvalRunOptions.Default.WithResumeFile(log).WithDelegate("app", (c, _) =>
        {
            invoked.Add(c.Id);
            return Task.FromResult(new TargetResponse("right"));
        });
        var resumed = await new EvaluationRunner().RunAsync(suite, second, null, CancellationToken.None);

        resumed.Resumed.Should().Be(7);
        invoked.Should().HaveCount(13).And.NotContain(["c1", "c7"]);
        resumed.Cases.Should().HaveCount(20).And.OnlyContain(c => c.Passed);
    }

    private static EvalSuite Suite(int count) =>
        new("s", new ProviderSpec("app", ProviderKind.Delegate), [.. Enumerable.Range(1, count).Select(i => TestSuites.Case($"c{i}", "q"))])
        {
            DefaultAssertions = [new AssertionSpec("equals") { Value = "right" }],
        };
}
