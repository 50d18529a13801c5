using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Analysis;

public class ServiceMetricsProviderTests
{
    private static readonly HttpClient Http = new();

    /// <summary>A /metrics page like ResearchAssistant's, with the counts given.</summary>
    private static string Page(long ok, long errors, long fast, long medium, long slow, long health = 7) => $$"""
        # HELP research_assistant_requests_total HTTP requests handled.
        # TYPE research_assistant_requests_total counter
        research_assistant_requests_total{route="/query",method="POST",status="200"} {{ok}}
        research_assistant_requests_total{route="/query",method="POST",status="500"} {{errors}}
        research_assistant_requests_total{route="/health",method="GET",status="200"} {{health}}
        # TYPE research_assistant_request_duration_seconds histogram
        research_assistant_request_duration_seconds_bucket{route="/query",le="0.1"} {{fast}}
        research_assistant_request_duration_seconds_bucket{route="/query",le="0.5"} {{fast + medium}}
        research_assistant_request_duration_seconds_bucket{route="/query",le="+Inf"} {{fast + medium + slow}}
        research_assistant_request_duration_seconds_sum{route="/query"} 12.5
        research_assistant_request_duration_seconds_count{route="/query"} {{fast + medium + slow}}
        """;

    private static async Task<List<MetricReading>> ScrapeAsync(ServiceMetric metric, ServiceMetricNames? names, params string[] pages)
    {
        var index = 0;
        await using var server = await LocalHttpServer.StartAsync(() => pages[Math.Min(index++, pages.Length - 1)], "text/plain; version=0.0.4");
        var provider = new ServiceMetricsProvider(Http, new Uri(server.Url, "metrics"), metric, names);
        var readings = new List<MetricReading>();
        foreach (var _ in pages)
        {
            readings.Add(await provider.MeasureAsync(CancellationToken.None));
        }

        return readings;
    }

    [Fact]
    public async Task The_error_rate_is_computed_from_the_counter_deltas_between_two_scrapes()
    {
        var readings = await ScrapeAsync(ServiceMetric.ErrorRate, new ServiceMetricNames(Route: "/query"),
            Page(ok: 90, errors: 10, 0, 0, 0),
            Page(ok: 190, errors: 10, 0, 0, 0),
            Page(ok: 200, errors: 40, 0, 0, 0));

        readings[0].Value.Should().Be(0.1, "the first window starts at the colour's start");
        readings[1].Value.Should().Be(0, "the window holds 100 successful requests");
        readings[2].Value.Should().Be(0.75);
        readings[2].Detail.Should().Be("30 of 40 requests failed");
    }

    [Fact]
    public async Task Every_route_counts_when_no_route_is_named()
    {
        var readings = await ScrapeAsync(ServiceMetric.ErrorRate, null, Page(ok: 3, errors: 10, 0, 0, 0, health: 7));
        readings[0].Value.Should().Be(0.5);
    }

    [Fact]
    public async Task A_window_without_requests_is_no_data_and_a_counter_reset_counts_from_zero()
    {
        var readings = await ScrapeAsync(ServiceMetric.ErrorRate, new ServiceMetricNames(Route: "/query"),
            Page(ok: 50, errors: 0, 0, 0, 0),
            Page(ok: 50, errors: 0, 0, 0, 0),
            Page(ok: 4, errors: 1, 0, 0, 0));

        readings[1].Value.Should().BeNull();
        readings[1].Detail.Should().Be("no requests in the window");
        readings[2].Value.Should().Be(0.2, "the counters went down (a restart), so the window counts from zero");
    }

    [Fact]
    public async Task Latency_percentiles_interpolate_within_the_bucket_of_the_window()
    {
        // Window: 80 requests <= 0.1 s, 20 in (0.1, 0.5]: p95 is 3/4 into the second bucket, p99 19/20 into it.
        var p95 = await ScrapeAsync(ServiceMetric.LatencyP95, null, Page(0, 0, fast: 100, medium: 0, slow: 0), Page(0, 0, fast: 180, medium: 20, slow: 0));
        var p99 = await ScrapeAsync(ServiceMetric.LatencyP99, null, Page(0, 0, fast: 100, medium: 0, slow: 0), Page(0, 0, fast: 180, medium: 20, slow: 0));

        p95[1].Value.Should().BeApproximately(0.1 + (0.4 * 0.75), 1e-9);
        p99[1].Value.Should().BeApproximately(0.1 + (0.4 * 0.95), 1e-9);
        p99[1].Detail.Should().Be("p99 of 100 requests");
    }

    [Fact]
    public async Task A_percentile_in_the_infinite_bucket_is_the_highest_finite_bound()
    {
        var p99 = await ScrapeAsync(ServiceMetric.LatencyP99, null, Page(0, 0, fast: 1, medium: 1, slow: 98));
        p99[0].Value.Should().Be(0.5);
    }

    [Fact]
    public async Task A_missing_series_names_the_setting_to_change()
    {
        var act = () => ScrapeAsync(ServiceMetric.ErrorRate, new ServiceMetricNames(RequestsTotal: "http_requests_received_total"), Page(1, 0, 0, 0, 0));
        await act.Should().ThrowAsync<MetricProviderException>().WithMessage("*no series named http_requests_received_total; set the request counter's name.");

        var latency = () => ScrapeAsync(ServiceMetric.LatencyP95, new ServiceMetricNames(DurationHistogram: "x"), Page(1, 0, 0, 0, 0));
        await latency.Should().ThrowAsync<MetricProviderException>().WithMessage("*no series named x_bucket*");
    }

    [Fact]
    public void The_text_format_parser_reads_labels_with_escapes_timestamps_and_infinities()
    {
        var samples = PrometheusTextParser.Parse("# comment\n\nm{a=\"x\\\"y\",b=\"line\\nnext\"} +Inf 1764504000\nplain 2.5\n");

        samples.Should().HaveCount(2);
        samples[0].Label("a").Should().Be("x\"y");
        samples[0].Label("b").Should().Be("line\nnext");
        samples[0].Value.Should().Be(double.PositiveInfinity);
        samples[1].Should().BeEquivalentTo(new { Name = "plain", Value = 2.5 });
    }

    [Theory]
    [InlineData("m{a=\"x\" 1")]
    [InlineData("m{a=x} 1")]
    [InlineData("m abc")]
    public void A_malformed_line_is_reported_with_its_number(string line)
    {
        var act = () => PrometheusTextParser.Parse("ok 1\n" + line);
        act.Should().Throw<MetricProviderException>().WithMessage("/metrics line 2 is not a sample*");
    }
}
