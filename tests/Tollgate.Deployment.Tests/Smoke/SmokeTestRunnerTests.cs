using Microsoft.AspNetCore.Http;
using Tollgate.Deployment.Smoke;
using Tollgate.Deployment.Tests.Support;

namespace Tollgate.Deployment.Tests.Smoke;

public sealed class SmokeTestRunnerTests
{
    private static readonly SmokeOptions Quick = new(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    [Fact]
    public async Task The_declared_checks_pass_against_the_real_ResearchAssistant()
    {
        await using var service = await ResearchAssistantHost.StartAsync();
        using var http = new HttpClient();

        var report = await new SmokeTestRunner(http).RunAsync(service.Url, ResearchAssistantSmokeChecks.Create(), Quick, CancellationToken.None);

        report.Passed.Should().BeTrue(string.Join("; ", report.Failures));
        report.Results.Should().OnlyContain(r => r.StatusCode == 200 && r.Attempts == 1);
    }

    [Fact]
    public async Task A_check_is_retried_until_the_service_becomes_healthy()
    {
        await using var service = await StubService.StartAsync(async (context, count) =>
        {
            context.Response.StatusCode = count < 3 ? 503 : 200;
            await context.Response.WriteAsync(count < 3 ? "{\"status\":\"starting\"}" : "{\"status\":\"healthy\"}");
        });
        using var http = new HttpClient();

        var report = await new SmokeTestRunner(http).RunAsync(service.Url, [SmokeCheck.Get("health", "/health", new JsonFieldEquals("status", "healthy"))], Quick, CancellationToken.None);

        report.Passed.Should().BeTrue();
        report.Results[0].Attempts.Should().Be(3);
    }

    [Fact]
    public async Task An_answer_without_citations_fails_with_what_was_wrong_after_the_timeout()
    {
        await using var service = await StubService.StartAsync((context, _) => context.Response.WriteAsync("{\"answer\":\"I do not know\",\"citations\":[]}"));
        using var http = new HttpClient();
        var options = Quick with { Timeout = TimeSpan.FromMilliseconds(500) };

        var report = await new SmokeTestRunner(http).RunAsync(service.Url, ResearchAssistantSmokeChecks.Create().Skip(1).Take(1), options, CancellationToken.None);

        report.Passed.Should().BeFalse();
        report.Failures.Should().ContainSingle().Which.Should().Be("POST /query: citations is empty");
        report.Results[0].Attempts.Should().BeGreaterThan(1);
        report.ToMarkdown().Should().Contain("| query | POST /query | 200 |").And.Contain("FAILED: citations is empty");
    }

    [Fact]
    public async Task No_answer_at_all_is_reported_as_such()
    {
        using var http = new HttpClient();
        var options = Quick with { Timeout = TimeSpan.FromMilliseconds(300) };

        var report = await new SmokeTestRunner(http).RunAsync(new Uri("http://127.0.0.1:9/"), [SmokeCheck.Get("health", "/health")], options, CancellationToken.None);

        report.Results[0].StatusCode.Should().BeNull();
        report.Results[0].Message.Should().StartWith("no answer");
    }

    [Theory]
    [InlineData("{\"status\":\"degraded\"}", "status is \"degraded\", expected \"healthy\"")]
    [InlineData("{\"other\":1}", "the response has no 'status'")]
    [InlineData("<html>", "the response is not JSON*")]
    public void Json_expectations_say_what_was_wrong(string body, string problem) =>
        new JsonFieldEquals("status", "healthy").Check(body).Should().Match(problem);

    [Fact]
    public void A_metric_series_must_have_a_sample_line_not_just_a_similar_name()
    {
        var expectation = new MetricSeriesPresent("research_assistant_requests_total");

        expectation.Check("# TYPE research_assistant_requests_total counter\nresearch_assistant_requests_total{route=\"/health\"} 3\n").Should().BeNull();
        expectation.Check("research_assistant_requests_total_created 1\n").Should().Be("no sample of the series research_assistant_requests_total");
        new JsonFieldNotEmpty("answer").Check("{\"answer\":\"  \"}").Should().Be("answer is empty");
        new JsonFieldNotEmpty("usage").Check("{\"usage\":{\"a\":1}}").Should().BeNull();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8081/preview/blue/", "/health", "http://127.0.0.1:8081/preview/blue/health")]
    [InlineData("http://127.0.0.1:8480", "/health", "http://127.0.0.1:8480/health")]
    [InlineData("https://example.com/research", "query", "https://example.com/research/query")]
    public void A_check_path_goes_below_the_base_url_path(string baseUrl, string path, string expected) =>
        SmokeTestRunner.Combine(new Uri(baseUrl), path).ToString().Should().Be(expected);
}
