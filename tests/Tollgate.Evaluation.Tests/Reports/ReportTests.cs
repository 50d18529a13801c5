using System.Text.Json;
using System.Xml.Linq;

namespace Tollgate.Evaluation.Tests.Reports;

public sealed class ReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_markdown_summary_is_a_metric_value_threshold_baseline_delta_status_table()
    {
        var markdown = MarkdownReport.Render(await ReportFixture.CreateAsync());

        markdown.Should().Contain("| metric | value | threshold | baseline | delta | status |");
        markdown.Should().Contain("| pass-rate | 33.3 % | ≥ 90.0 % | 100.0 % | -66.7 % | ❌ fail |");
        markdown.Should().Contain("| refund <policy> | icontains-all: missing '30 days' |");
    }

    [Fact]
    public async Task JUnit_has_one_testcase_per_case_with_failures_and_errors()
    {
        var xml = XDocument.Parse(JUnitReport.Render(await ReportFixture.CreateAsync()));

        var suite = xml.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("3");
        suite.Attribute("failures")!.Value.Should().Be("1");
        suite.Attribute("errors")!.Value.Should().Be("1");
        var refund = suite.Elements("testcase").Single(e => e.Attribute("name")!.Value == "refund <policy>");
        refund.Element("failure")!.Attribute("message")!.Value.Should().Be("attempt 1: icontains-all: Failed: missing '30 days'");
    }

    [Fact]
    public async Task The_json_results_hold_summary_metrics_gates_and_cases()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(await ReportFixture.CreateAsync()));

        json.RootElement.GetProperty("passed").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("metrics").GetProperty("pass-rate").GetDouble().Should().BeApproximately(1 / 3d, 1e-9);
        json.RootElement.GetProperty("cases").GetArrayLength().Should().Be(3);
        json.RootElement.GetProperty("gates")[0].GetProperty("Status").GetString().Should().Be("Failed");
    }

    [Fact]
    public async Task Secrets_never_reach_the_report_files()
    {
        var masker = new SecretMasker();
        masker.Add("sk-secret-123");

        var files = ReportWriters.WriteAll(_dir.Path, await ReportFixture.CreateAsync(), masker);

        foreach (var file in new[] { files.Json, files.JUnit, files.Markdown, files.Html })
        {
            var text = await File.ReadAllTextAsync(file);
            text.Should().NotContain("sk-secret-123").And.Contain("***", file);
        }
    }

    [Fact]
    public async Task The_html_report_is_self_contained_and_escapes_case_text()
    {
        var html = HtmlReport.Render(await ReportFixture.CreateAsync());

        html.Should().NotContainAny("src=\"http", "href=\"http", "<link");
        html.Should().Contain("refund &lt;policy&gt;").And.NotContain("refund <policy>");
        html.Should().Contain("<svg").And.Contain("Baseline diff").And.Contain("3 case(s) changed");
    }

    [Fact]
    public async Task The_html_report_shows_rates_and_thresholds_in_percent_latency_in_ms_histogram_axes_and_a_filled_baseline_diff()
    {
        var html = HtmlReport.Render(await ReportFixture.CreateAsync());

        html.Should().Contain("<td>pass-rate</td><td>33.3 %</td><td>≥ 90.0 %</td><td>100.0 %</td>", "the rate and its threshold are in the same unit");
        html.Should().Contain("attempt 1: 40 ms");
        html.Should().Contain("<line x1=").And.Contain(">score</text>").And.Contain(">checks</text>", "histograms have both axes and their titles");
        html.Should().Contain("<table class=\"baseline\"><tr><th>metric</th><th>baseline</th><th>now</th><th>change</th></tr>").And.Contain("<tr><td>latency-p50</td><td>–</td><td>40 ms</td>");
        html.Should().Contain("<tr><td>pass-rate</td><td>100.0 %</td><td>33.3 %</td><td>-66.7 %</td></tr>");
        html.Should().Contain("<tr><td>refund &lt;policy&gt;</td><td>pass 1</td><td>fail 0</td></tr>").And.Contain("<td>pricing-team</td><td>new case</td>");
    }
}
