using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResearchAssistant.Tests;

/// <summary>The whole service configured for an LLM, talking to the fake OpenAI-compatible server.</summary>
public sealed class LlmModeTests : IAsyncLifetime
{
    private FakeOpenAIServer _llm = null!;

    public async Task InitializeAsync() => _llm = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _llm.DisposeAsync();

    [Fact]
    public async Task The_service_sends_the_v1_prompt_with_retrieved_passages_and_parses_citations_usage_and_cost()
    {
        _llm.ReplyText = "Team costs $12 per seat [doc-004]. Assist is included [doc-018, doc-999]. See also [doc-003].";
        await using var app = await RunningApp.StartAsync(Settings("v1"));

        using var response = await app.Client.PostAsJsonAsync("/query", new { question = "How much does the Team plan cost per seat per month?" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("answer").GetString().Should().Be(_llm.ReplyText);
        body.GetProperty("model").GetString().Should().Be("gpt-4o-mini-2024-07-18");
        body.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).Should().Equal("doc-004", "doc-018", "doc-003");
        body.GetProperty("usage").GetProperty("promptTokens").GetInt64().Should().Be(321);
        body.GetProperty("usage").GetProperty("completionTokens").GetInt64().Should().Be(45);

        var request = _llm.Requests.Should().ContainSingle().Subject;
        request.Body["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        request.Body["temperature"]!.GetValue<double>().Should().Be(0);
        request.Authorization.Should().Be("Bearer sk-test-secret-123");
        request.Body.AsObject().Select(p => p.Key).Should().NotContain(key => key.Contains("research_assistant", StringComparison.Ordinal), "the retrieval handed to the offline answerer never goes over the wire");
        request.Message("system").Should().StartWith("You are the Lumen Notebook research assistant.");
        request.Message("user").Should().StartWith("Question: How much does the Team plan cost per seat per month?")
            .And.Contain("[doc-004] Team plan pricing")
            .And.NotContain("{{");

        var metrics = await app.Client.GetStringAsync("/metrics");
        metrics.Should().Contain("research_assistant_llm_tokens_total{type=\"prompt\"} 321\n")
            .And.Contain("research_assistant_llm_tokens_total{type=\"completion\"} 45\n");
        var costLine = metrics.Split('\n').Single(l => l.StartsWith("research_assistant_llm_cost_usd_total ", StringComparison.Ordinal));
        double.Parse(costLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeApproximately(((321 * 0.15) + (45 * 0.60)) / 1_000_000, 1e-12);
    }

    [Fact]
    public async Task Switching_PROMPT_VERSION_to_v2_changes_the_prompt_sent_without_code_change()
    {
        await using var app = await RunningApp.StartAsync(Settings("v2"));

        (await app.Client.PostAsJsonAsync("/query", new { question = "Which plan includes SAML single sign-on?" })).Dispose();
        var health = await app.Client.GetFromJsonAsync<JsonElement>("/health");

        health.GetProperty("promptVersion").GetString().Should().Be("v2");
        health.GetProperty("model").GetString().Should().Be("gpt-4o-mini");
        var request = _llm.Requests.Should().ContainSingle().Subject;
        request.Message("system").Should().StartWith("You answer questions from customers of Lumen Notebook");
        request.Message("user").Should().StartWith("Documentation passages:").And.EndWith("Customer question: Which plan includes SAML single sign-on?");
        request.Body["temperature"]!.GetValue<double>().Should().BeApproximately(0.2, 1e-6);
        request.Body["max_completion_tokens"]!.GetValue<int>().Should().Be(400);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_health_responses_or_metrics()
    {
        await using var app = await RunningApp.StartAsync(Settings("v1"));

        var health = await app.Client.GetStringAsync("/health");
        using var answer = await app.Client.PostAsJsonAsync("/query", new { question = "How do I reset my password?" });
        var metrics = await app.Client.GetStringAsync("/metrics");

        health.Should().NotContain("sk-test-secret-123");
        (await answer.Content.ReadAsStringAsync()).Should().NotContain("sk-test-secret-123");
        metrics.Should().NotContain("sk-test-secret-123");
    }

    [Fact]
    public async Task The_api_key_never_appears_in_the_log_even_when_the_model_call_fails()
    {
        using var log = new CapturingLoggerProvider();
        await using (var app = await RunningApp.StartAsync(Settings("v1"), log))
        {
            (await app.Client.PostAsJsonAsync("/query", new { question = "How do I reset my password?" })).Dispose();
            _llm.FailWithStatus = 401;
            (await app.Client.PostAsJsonAsync("/query", new { question = "How do I reset my password?" })).Dispose();
        }

        log.Messages.Should().Contain(m => m.Contains("model gpt-4o-mini (LLM host 127.0.0.1)", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("Language model call failed: status 401", StringComparison.Ordinal));
        log.Messages.Should().NotContain(m => m.Contains("sk-test-secret-123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_model_gives_502_problem_details_and_counts_an_error()
    {
        _llm.FailWithStatus = 400;
        await using var app = await RunningApp.StartAsync(Settings("v1"));

        using var response = await app.Client.PostAsJsonAsync("/query", new { question = "How do I export my data?" });

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("HTTP 400");
        var metrics = await app.Client.GetStringAsync("/metrics");
        metrics.Should().Contain("research_assistant_errors_total{route=\"/query\"} 1\n")
            .And.Contain("research_assistant_requests_total{route=\"/query\",method=\"POST\",status=\"502\"} 1\n");
    }

    private Dictionary<string, string?> Settings(string promptVersion) => new()
    {
        ["LLM_BASE_URL"] = _llm.BaseUrl.ToString(),
        ["LLM_API_KEY"] = "sk-test-secret-123",
        ["LLM_MODEL"] = "gpt-4o-mini",
        ["PROMPT_VERSION"] = promptVersion,
    };
}
