using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ResearchAssistant.Metrics;

namespace ResearchAssistant.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<PrometheusExporter> _exporters = [];

    public void Dispose()
    {
        _exporters.ForEach(exporter => exporter.Dispose());
        _services.Dispose();
    }

    [Fact]
    public async Task Histogram_buckets_are_cumulative_and_values_above_the_last_bound_count_only_in_Inf()
    {
        var (metrics, exporter) = Create();

        foreach (var seconds in new[] { 0.004, 0.2, 0.3, 45 })
        {
            metrics.RecordRequest("/query", "POST", 200, seconds);
        }

        var text = await ExportAsync(exporter);
        text.Should().Contain("research_assistant_request_duration_seconds_bucket{route=\"/query\",le=\"0.005\"} 1\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/query\",le=\"0.25\"} 2\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/query\",le=\"30\"} 3\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/query\",le=\"+Inf\"} 4\n")
            .And.Contain("research_assistant_request_duration_seconds_count{route=\"/query\"} 4\n")
            .And.Contain("research_assistant_request_duration_seconds_sum{route=\"/query\"} 45.504\n");
    }

    [Fact]
    public async Task Concurrent_updates_are_all_counted()
    {
        var (metrics, exporter) = Create();

        Parallel.For(0, 10_000, i =>
        {
            metrics.RecordRequest("/query", "POST", i % 2 == 0 ? 200 : 400, 0.001);
            metrics.RecordLlmUsage(2, 1, 0.5);
        });

        var text = await ExportAsync(exporter);
        text.Should().Contain("research_assistant_requests_total{route=\"/query\",method=\"POST\",status=\"200\"} 5000\n")
            .And.Contain("research_assistant_requests_total{route=\"/query\",method=\"POST\",status=\"400\"} 5000\n")
            .And.Contain("research_assistant_request_duration_seconds_count{route=\"/query\"} 10000\n")
            .And.Contain("research_assistant_llm_tokens_total{type=\"prompt\"} 20000\n")
            .And.Contain("research_assistant_llm_tokens_total{type=\"completion\"} 10000\n")
            .And.Contain("research_assistant_llm_cost_usd_total 5000\n");
    }

    [Fact]
    public async Task The_exposition_has_help_and_type_for_every_family_counters_typed_as_counters_and_label_values_escaped()
    {
        var (metrics, exporter) = Create();
        metrics.RecordRequest("/a\"b", "GET", 500, 0.2);
        metrics.RecordError("/a\"b");

        var text = await ExportAsync(exporter);

        foreach (var (family, type) in new[] { ("requests_total", "counter"), ("request_duration_seconds", "histogram"), ("llm_tokens_total", "counter"), ("llm_cost_usd_total", "counter"), ("errors_total", "counter") })
        {
            text.Should().Contain($"# HELP research_assistant_{family} ").And.Contain($"# TYPE research_assistant_{family} {type}\n");
        }

        text.Should().Contain("research_assistant_requests_total{route=\"/a\\\"b\",method=\"GET\",status=\"500\"} 1\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"0.25\"} 1\n")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/a\\\"b\",le=\"0.1\"} 0\n")
            .And.Contain("research_assistant_errors_total{route=\"/a\\\"b\"} 1\n")
            .And.Contain("research_assistant_errors_total{route=\"/query\"} 0\n")
            .And.EndWith("\n");
        text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Should().OnlyContain(l => l.StartsWith("research_assistant_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_applications_in_one_process_keep_separate_counts_although_their_meters_share_a_name()
    {
        using var otherServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var (first, firstExporter) = Create();
        var second = new ServiceMetrics(otherServices.GetRequiredService<IMeterFactory>());
        using var secondExporter = new PrometheusExporter(second);

        first.RecordError("/query");
        second.RecordRequest("/health", "GET", 200, 0.01);

        (await ExportAsync(firstExporter)).Should().Contain("research_assistant_errors_total{route=\"/query\"} 1\n").And.NotContain("/health");
        (await ExportAsync(secondExporter)).Should().Contain("research_assistant_errors_total{route=\"/query\"} 0\n").And.Contain("route=\"/health\"");
    }

    private (ServiceMetrics Metrics, PrometheusExporter Exporter) Create()
    {
        var metrics = new ServiceMetrics(_services.GetRequiredService<IMeterFactory>());
        var exporter = new PrometheusExporter(metrics);
        _exporters.Add(exporter);
        return (metrics, exporter);
    }

    private static async Task<string> ExportAsync(PrometheusExporter exporter)
    {
        using var stream = new MemoryStream();
        await exporter.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
