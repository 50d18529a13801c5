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
        run.Cases.Where(c => c.Error is null || !c.Error.StartsWith("not run", StringComparison.Ordinal)).Select(c => c.Id).Should().Equal("c1", "c2", "c3");
        run.Cases.Should().HaveCount(50, "every selected case is reported, the ones never started as not run");
        run.Cases.Skip(3).Should().OnlyContain(c => !c.Passed && c.Error!.Contains("fail-fast", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_whose_evaluation_throws_is_reported_with_its_error_not_dropped()
    {
        var suite = Suite(5);
        var options = EvalRunOptions.Default.WithDelegate("app", (c, _) =>
            c.Id == "c2" ? throw new InvalidOperationException("the delegate broke") : Task.FromResult(new TargetResponse("right")));

        var run = await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);

        run.Cases.Should().HaveCount(5);
        run.Cases.Single(c => c.Id == "c2").Error.Should().Contain("the delegate broke");
    }

    [Fact]
    public async Task A_progress_file_of_another_run_is_discarded_not_resumed()
    {
        var log = Path.Combine(_dir.Path, "progress.jsonl");
        var suite = Suite(3);
        var first = EvalRunOptions.Default.WithResumeFile(log).WithIdentity("provider A")
            .WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse("wrong")));
        (await new EvaluationRunner().RunAsync(suite, first, null, CancellationToken.None)).Passed.Should().Be(0);

        var same = await new EvaluationRunner().RunAsync(suite, first.WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse("right"))), null, CancellationToken.None);
        same.Resumed.Should().Be(3, "the same run resumes");

        var other = first.WithIdentity("provider B").WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse("right")));
        var run = await new EvaluationRunner().RunAsync(suite, other, null, CancellationToken.None);

        run.Resumed.Should().Be(0, "answers recorded against another provider must not be reused");
        run.Passed.Should().Be(3);
    }

    [Fact]
    public void A_damaged_progress_line_is_an_error_naming_the_file_line_and_fix()
    {
        var log = Path.Combine(_dir.Path, "progress.jsonl");
        using (ResumeLog.Open(log, "id"))
        {
        }

        File.AppendAllText(log, "{not json\n{\"Id\":\"c1\"}\n");

        var open = () => ResumeLog.Open(log, "id");

        open.Should().Throw<TollgateException>().WithMessage($"{log}:2: *damaged*delete the file*");
    }

    [Fact]
    public void Secrets_are_masked_in_the_progress_file_before_encoding()
    {
        var log = Path.Combine(_dir.Path, "progress.jsonl");
        var masker = new SecretMasker();
        masker.Add("k+<&\"é-123");
        using (var resume = ResumeLog.Open(log, "id", masker))
        {
            resume.Append(new CaseResult("c1", [], [new AttemptResult(1, "echo k+<&\"é-123", [])], true));
        }

        var text = File.ReadAllText(log);
        text.Should().NotContain("k+").And.NotContain("k\\u002B").And.Contain("***");
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
