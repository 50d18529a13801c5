using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ResearchAssistant.Tests;

public sealed class EndpointTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Health_reports_healthy_with_version_and_the_offline_model_label()
    {
        using var response = await _app.Client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        health.GetProperty("status").GetString().Should().Be("healthy");
        // The version comes from git tags (MinVer): 0.0.0-alpha.0.<height> without a tag, so only its form is fixed.
        health.GetProperty("version").GetString().Should().MatchRegex(@"^\d+\.\d+\.\d+([-+].*)?$");
        health.GetProperty("model").GetString().Should().Be("offline-extractive");
        health.GetProperty("promptVersion").GetString().Should().Be("v1");
        health.GetProperty("documents").GetInt32().Should().BeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public async Task A_question_gets_an_extractive_answer_that_cites_retrieved_documents()
    {
        using var response = await _app.Client.PostAsJsonAsync("/query", new { question = "How much does the Team plan cost per seat per month?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("answer").GetString().Should().Contain("$12 per seat per month");
        body.GetProperty("model").GetString().Should().Be("offline-extractive");
        var retrieved = body.GetProperty("retrieved").EnumerateArray().ToList();
        retrieved.Should().HaveCount(5);
        retrieved[0].GetProperty("id").GetString().Should().Be("doc-004");
        retrieved.Select(r => r.GetProperty("score").GetDouble()).Should().BeInDescendingOrder();
        retrieved[0].GetProperty("text").GetString().Should().Contain("$12", "each passage carries the text the answer is grounded in");
        var citations = body.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToList();
        citations.Should().Contain("doc-004").And.BeSubsetOf(retrieved.Select(r => r.GetProperty("id").GetString()));
        body.GetProperty("usage").GetProperty("promptTokens").GetInt64().Should().Be(0);
        body.GetProperty("usage").GetProperty("completionTokens").GetInt64().Should().Be(0);
        body.GetProperty("latencyMs").GetDouble().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task A_question_the_documents_do_not_cover_gets_no_citations()
    {
        using var response = await _app.Client.PostAsJsonAsync("/query", new { question = "Xylophone zebra quokka?" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("citations").GetArrayLength().Should().Be(0);
        body.GetProperty("retrieved").GetArrayLength().Should().Be(0);
        body.GetProperty("answer").GetString().Should().Contain("does not answer");
    }

    [Theory]
    [InlineData("{\"question\": \"\"}", "question")]
    [InlineData("{\"question\": \"   \"}", "question")]
    [InlineData("{}", "question")]
    [InlineData("{\"question\": ", "not valid JSON")]
    [InlineData("null", "question")]
    public async Task A_bad_request_gets_400_with_a_problem_details_body(string json, string mentioned)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _app.Client.PostAsync("/query", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetRawText().Should().Contain(mentioned);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400_with_a_problem_details_body()
    {
        using var content = new StringContent("question=pricing", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _app.Client.PostAsync("/query", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_question_over_the_length_limit_gets_400()
    {
        using var response = await _app.Client.PostAsJsonAsync("/query", new { question = new string('a', 2001) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("limit is 2000");
    }

    [Fact]
    public async Task Metrics_expose_requests_by_route_and_status_durations_tokens_cost_and_errors()
    {
        (await _app.Client.GetAsync("/health")).Dispose();
        (await _app.Client.PostAsJsonAsync("/query", new { question = "How do I reset my password?" })).Dispose();
        (await _app.Client.PostAsJsonAsync("/query", new { question = "" })).Dispose();
        (await _app.Client.PostAsJsonAsync("/query", new { question = "" })).Dispose();

        using var response = await _app.Client.GetAsync("/metrics");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("# TYPE research_assistant_requests_total counter")
            .And.Contain("research_assistant_requests_total{route=\"/health\",method=\"GET\",status=\"200\"} 1\n")
            .And.Contain("research_assistant_requests_total{route=\"/query\",method=\"POST\",status=\"200\"} 1\n")
            .And.Contain("research_assistant_requests_total{route=\"/query\",method=\"POST\",status=\"400\"} 2\n")
            .And.Contain("# TYPE research_assistant_request_duration_seconds histogram")
            .And.Contain("research_assistant_request_duration_seconds_bucket{route=\"/query\",le=\"+Inf\"} 3\n")
            .And.Contain("research_assistant_request_duration_seconds_count{route=\"/query\"} 3\n")
            .And.Contain("research_assistant_request_duration_seconds_sum{route=\"/query\"} ")
            .And.Contain("research_assistant_llm_tokens_total{type=\"prompt\"} 0\n")
            .And.Contain("research_assistant_llm_cost_usd_total 0\n")
            .And.Contain("# TYPE research_assistant_errors_total counter");
    }

    [Fact]
    public async Task An_unknown_route_is_counted_as_unmatched_and_answered_with_problem_details()
    {
        using var response = await _app.Client.GetAsync("/nope/123");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var metrics = await _app.Client.GetStringAsync("/metrics");
        metrics.Should().Contain("research_assistant_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n")
            .And.NotContain("/nope/123");
    }
}
