using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Analysis;

public class AnalysisRunnerTests
{
    private readonly FakeClock _clock = new();

    private Task<AnalysisRunResult> RunAsync(params AnalysisMetric[] metrics) =>
        new AnalysisRunner(_clock).RunAsync(new AnalysisTemplate("test", [.. metrics]), null, CancellationToken.None);

    private static AnalysisMetric ErrorRate(IMetricProvider provider, int count = 3) => new("error-rate", provider)
    {
        Count = count,
        Interval = TimeSpan.FromSeconds(10),
        SuccessCondition = MetricCondition.AtMost(0.01),
    };

    [Fact]
    public async Task A_metric_whose_every_measurement_meets_the_success_condition_succeeds()
    {
        var provider = new ScriptedProvider(0.0, 0.005, 0.01);
        var result = await RunAsync(ErrorRate(provider));

        result.Phase.Should().Be(MeasurementPhase.Successful);
        result.Metrics[0].Measurements.Select(m => m.Value).Should().Equal(0.0, 0.005, 0.01);
        provider.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Measurements_follow_the_initial_delay_and_the_interval()
    {
        var start = _clock.UtcNow;
        var metric = ErrorRate(new ScriptedProvider(0.0)) with { InitialDelay = TimeSpan.FromSeconds(30) };
        var result = await RunAsync(metric);

        result.Metrics[0].Measurements.Select(m => m.TakenAt - start)
            .Should().Equal(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task Failures_up_to_the_failure_limit_are_tolerated_and_one_more_fails_the_metric()
    {
        var tolerated = await RunAsync(ErrorRate(new ScriptedProvider(0.5, 0.0, 0.0)) with { FailureLimit = 1 });
        tolerated.Phase.Should().Be(MeasurementPhase.Successful);
        tolerated.Metrics[0].CountOf(MeasurementPhase.Failed).Should().Be(1);

        var provider = new ScriptedProvider(0.5, 0.0, 0.5, 0.0, 0.0);
        var failed = await RunAsync(ErrorRate(provider, count: 5) with { FailureLimit = 1 });
        failed.Phase.Should().Be(MeasurementPhase.Failed);
        failed.Reason.Should().StartWith("error-rate failed: 2 failed measurement(s), limit 1 (success when result <= 0.01)");
        provider.Calls.Should().Be(3, "the metric stops at the failure that crosses the limit");
    }

    [Fact]
    public async Task A_failure_condition_alone_fails_when_met_and_passes_otherwise()
    {
        var metric = new AnalysisMetric("p99", new ScriptedProvider(0.2, 0.3, 1.5)) { Count = 3, FailureCondition = MetricCondition.GreaterThan(1) };
        var result = await RunAsync(metric);

        result.Metrics[0].Measurements.Select(m => m.Phase)
            .Should().Equal(MeasurementPhase.Successful, MeasurementPhase.Successful, MeasurementPhase.Failed);
        result.Phase.Should().Be(MeasurementPhase.Failed);
    }

    [Fact]
    public async Task A_value_between_the_success_and_failure_conditions_is_inconclusive()
    {
        var metric = new AnalysisMetric("quality", new ScriptedProvider(0.7))
        {
            SuccessCondition = MetricCondition.AtLeast(0.8),
            FailureCondition = MetricCondition.LessThan(0.5),
        };
        var result = await RunAsync(metric);

        result.Phase.Should().Be(MeasurementPhase.Inconclusive);
        result.Succeeded.Should().BeFalse("an inconclusive analysis stops for a decision instead of promoting");
        result.Reason.Should().StartWith("quality inconclusive: 1 inconclusive measurement(s), limit 0");
    }

    [Fact]
    public async Task No_data_is_inconclusive_and_tolerated_up_to_the_inconclusive_limit()
    {
        var metric = ErrorRate(new ScriptedProvider(null, 0.0, 0.0)) with { InconclusiveLimit = 1 };
        var result = await RunAsync(metric);

        result.Phase.Should().Be(MeasurementPhase.Successful);
        result.Metrics[0].Measurements[0].Message.Should().Be("nothing");
    }

    [Fact]
    public async Task Errors_up_to_the_consecutive_error_limit_are_tolerated()
    {
        var error = new MetricProviderException("connection refused");
        var provider = new ScriptedProvider(error, error, error, error, 0.0, error, 0.0);
        var result = await RunAsync(ErrorRate(provider, count: 7));

        result.Phase.Should().Be(MeasurementPhase.Successful);
        result.Metrics[0].CountOf(MeasurementPhase.Error).Should().Be(5);
    }

    [Fact]
    public async Task One_error_more_than_the_consecutive_error_limit_fails_the_analysis()
    {
        var error = new HttpRequestException("connection refused");
        var provider = new ScriptedProvider(error);
        var result = await RunAsync(ErrorRate(provider, count: 10) with { ConsecutiveErrorLimit = 2 });

        result.Phase.Should().Be(MeasurementPhase.Failed);
        result.Metrics[0].Phase.Should().Be(MeasurementPhase.Error);
        result.Reason.Should().Be("error-rate error: 3 consecutive errors, limit 2; last: scripted: connection refused");
        provider.Calls.Should().Be(3);
    }

    [Fact]
    public async Task A_failed_metric_stops_the_other_metrics()
    {
        var slow = new AnalysisMetric("latency", new ScriptedProvider(0.1)) { Count = 10, Interval = TimeSpan.FromSeconds(10), FailureCondition = MetricCondition.GreaterThan(1) };
        var failing = new AnalysisMetric("errors", new ScriptedProvider(0.0, 0.0, 0.5)) { Count = 10, Interval = TimeSpan.FromSeconds(10), SuccessCondition = MetricCondition.AtMost(0.01) };
        var result = await RunAsync(slow, failing);

        result.Phase.Should().Be(MeasurementPhase.Failed);
        result.Metrics.Single(m => m.Name == "latency").Measurements.Should().HaveCount(3);
        result.Metrics.Single(m => m.Name == "latency").Message.Should().StartWith("stopped: errors failed after 3 of 10");
        (result.FinishedAt - result.StartedAt).Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Every_measurement_is_in_the_summary()
    {
        var result = await RunAsync(ErrorRate(new ScriptedProvider(0.0, 0.25, 0.0)) with { FailureLimit = 1 });
        var markdown = result.ToMarkdown();

        markdown.Should().Contain("#### Analysis test: Successful")
            .And.Contain("| error-rate | 1 | 12:00:00 | 0 | Successful |")
            .And.Contain("| error-rate | 2 | 12:00:10 | 0.25 | Failed |")
            .And.Contain("| error-rate | 3 | 12:00:20 | 0 | Successful |");
    }

    [Theory]
    [InlineData(0, 10, "count is 0")]
    [InlineData(3, 0, "needs a positive interval")]
    public async Task An_invalid_metric_is_rejected_before_measuring(int count, int intervalSeconds, string message)
    {
        var provider = new ScriptedProvider(0.0);
        var act = () => RunAsync(new AnalysisMetric("m", provider) { Count = count, Interval = TimeSpan.FromSeconds(intervalSeconds) });

        await act.Should().ThrowAsync<TollgateException>().WithMessage($"*'m'*{message}*");
        provider.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Two_metrics_with_one_name_are_rejected()
    {
        var act = () => RunAsync(ErrorRate(new ScriptedProvider(0.0)), ErrorRate(new ScriptedProvider(0.0)));
        await act.Should().ThrowAsync<TollgateException>().WithMessage("*two metrics are named 'error-rate'*");
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var act = () => new AnalysisRunner(_clock).RunAsync(new AnalysisTemplate("t", [ErrorRate(new ScriptedProvider(0.0))]), null, cts.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
