namespace Tollgate.Evaluation.Tests.Providers;

public sealed class RetryTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay_and_halves_concurrency()
    {
        var firstFailedAt = DateTimeOffset.MinValue;
        var retriedAt = DateTimeOffset.MinValue;
        await using var server = await FakeOpenAI.StartAsync((_, n) =>
        {
            if (n == 1)
            {
                firstFailedAt = DateTimeOffset.UtcNow;
                return FakeReply.Error(429, retryAfter: "1");
            }

            retriedAt = retriedAt == DateTimeOffset.MinValue ? DateTimeOffset.UtcNow : retriedAt;
            return FakeReply.Text("ok");
        });
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q")]);

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithConcurrency(4), null, CancellationToken.None);

        run.Cases.Single().Passed.Should().BeTrue();
        run.Retries.Should().Be(1);
        run.LowestConcurrency.Should().Be(2);
        (retriedAt - firstFailedAt).Should().BeGreaterThan(TimeSpan.FromMilliseconds(900), "Retry-After: 1 asks for a second");
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff()
    {
        await using var server = await FakeOpenAI.StartAsync((_, n) => n <= 2 ? FakeReply.Error(500) : FakeReply.Text("ok"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q")]);

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        run.Cases.Single().Passed.Should().BeTrue();
        server.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_errors_the_case_and_its_checks_do_not_run()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Error(500));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q", "x")])
        {
            DefaultAssertions = [new AssertionSpec("icontains-all")],
        };

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(), null, CancellationToken.None);

        var result = run.Cases.Single();
        result.Passed.Should().BeFalse();
        result.Error.Should().Contain("500");
        result.Attempts[0].Assertions.Single().Status.Should().Be(AssertionStatus.NotRun);
        server.RequestCount.Should().Be(4, "one call and three retries");
    }

    [Fact]
    public async Task A_slow_response_times_out_per_request()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => new FakeReply("late", Delay: TimeSpan.FromSeconds(5)));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl) with { Timeout = TimeSpan.FromMilliseconds(200) }, [TestSuites.Case("a", "q")]);

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithRetry(RetryPolicy.None), null, CancellationToken.None);

        run.Cases.Single().Error.Should().Contain("timed out");
    }
}
