namespace Tollgate.Evaluation.Tests.Running;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task No_more_cases_than_the_concurrency_limit_are_in_flight()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => new FakeReply("ok", Delay: TimeSpan.FromMilliseconds(50)));
        var cases = Enumerable.Range(1, 24).Select(i => TestSuites.Case($"c{i}", $"q{i}")).ToList();
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), cases);

        var run = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithConcurrency(3), null, CancellationToken.None);

        run.Cases.Should().HaveCount(24);
        server.MaxInFlight.Should().BeInRange(2, 3);
        run.Cases.Select(c => c.Id).Should().Equal(cases.Select(c => c.Id), "results keep suite order");
    }

    [Fact]
    public void The_adaptive_limit_halves_on_throttling_and_grows_back()
    {
        var limiter = new AdaptiveConcurrency(8);

        limiter.OnThrottled();
        limiter.OnThrottled();
        var lowered = limiter.Limit;
        for (var i = 0; i < 20; i++)
        {
            limiter.OnSuccess();
        }

        lowered.Should().Be(2);
        limiter.Limit.Should().BeGreaterThan(2).And.BeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task A_waiting_slot_opens_when_one_is_released()
    {
        var limiter = new AdaptiveConcurrency(1);
        await limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);

        second.IsCompleted.Should().BeFalse();
        limiter.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
