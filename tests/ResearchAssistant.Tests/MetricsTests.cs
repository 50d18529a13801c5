using ResearchAssistant.Metrics;

namespace ResearchAssistant.Tests;

public sealed class MetricsTests
{
    [Fact]
    public void Histogram_buckets_are_cumulative_and_values_above_the_last_bound_count_only_in_Inf()
    {
        var histogram = new Histogram([0.1, 1]);

        histogram.Observe(0.05);
        histogram.Observe(0.5);
        histogram.Observe(0.7);
        histogram.Observe(5);

        histogram.CumulativeCounts().Should().Equal(1, 3);
        histogram.Count.Should().Be(4);
        histogram.Sum.Should().BeApproximately(6.25, 1e-9);
    }

    [Fact]
    public void Concurrent_updates_are_all_counted()
    {
        var metrics = new ServiceMetrics();

        Parallel.For(0, 10_000, i =>
        {
            metrics.RecordRequest("/query", "POST", i % 2 == 0 ? 200 : 400, 0.001);
            metrics.RecordLlmUsage(2, 1, 0.5m);
        });

        var snapshot = metrics.Snapshot();
        snapshot.Requests.Sum(r => r.Count).Should().Be(10_000);
        snapshot.Durations.Should().ContainSingle().Which.Histogram.Count.Should().Be(10_000);
        snapshot.PromptTokens.Should().Be(20_000);
        snapshot.CompletionTokens.Should().Be(10_000);
        snapshot.CostUsd.Should().BeApproximately(5_000, 1e-6);
    }

    [Fact]
    public void The_exposition_has_help_and_type_for_every_family_and_escapes_label_values()
    {
        var metrics = new ServiceMetrics();
        metrics.RecordRequest("/a\"b", "GET", 500, 0.2);
        metrics.RecordError("/a\"b");

        var text = PrometheusTextWriter.Write(metrics.Snapshot());

        foreach (var family in new[] { "requests_total", "request_duration_seconds", "llm_tokens_total", "llm_cost_usd_total", "errors_total" })
        {
            text.Should().Contain($"# HELP research_assistant_{family} ").And.Contain($"# TYPE research_assistant_{family} ");
        }

        text.Should().Contain("research_assistant_requests_total{route=\"/a\\\"b\",method=\"GET\",status=\"500\"} 1\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"0.25\"} 1\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"0.1\"} 0\n")
            .And.Contain("research_assistant_errors_total{route=\"/a\\\"b\"} 1\n")
            .And.EndWith("\n");
        text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Should().OnlyContain(l => l.StartsWith("research_assistant_", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_metrics_instances_do_not_share_state()
    {
        var first = new ServiceMetrics();
        var second = new ServiceMetrics();

        first.RecordError("/query");

        second.Snapshot().Errors.Should().BeEmpty();
    }
}
