using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tollgate.Evaluation.Tests.Proxy;

public sealed class ModelProxyTests : IDisposable
{
    private const string Trace = "0af7651916cd43dd8448eb211c80319c";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_request_is_recorded_without_headers_or_key_and_replayed_read_only_without_the_provider()
    {
        await using (var provider = await FakeOpenAI.StartAsync((call, _) => FakeReply.Text("answer to " + call.User)))
        {
            await using var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(new CacheOptions(_dir.Path), provider.BaseUrl, "sk-real-key-123"), CancellationToken.None);
            var (status, body) = await PostAsync(proxy, Chat("What is the Team price?"));
            status.Should().Be(200, body);
            body.Should().Contain("answer to What is the Team price?");
            proxy.Ledger.Calls.Should().ContainSingle(c => c.Outcome == ModelCallOutcome.Recorded && c.TraceId == Trace && c.Model == "m1");
        }

        var entry = File.ReadAllText(Directory.GetFiles(_dir.Path, "*.json", SearchOption.AllDirectories).Single());
        entry.Should().NotContain("sk-real-key-123").And.NotContain("placeholder-key").And.NotContainEquivalentOf("authorization");

        await using var replay = await ModelProxy.StartAsync(new ModelProxyOptions(new CacheOptions(_dir.Path, CacheMode.ReadOnly), null, null), CancellationToken.None);
        var (replayStatus, replayBody) = await PostAsync(replay, Chat("What is the Team price?"));

        replayStatus.Should().Be(200);
        replayBody.Should().Contain("answer to What is the Team price?");
        replay.Ledger.Replayed.Should().Be(1);
    }

    [Fact]
    public async Task A_read_only_miss_names_the_model_the_first_difference_and_how_to_record()
    {
        await using (var provider = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("ok")))
        {
            await using var recorder = await ModelProxy.StartAsync(new ModelProxyOptions(new CacheOptions(_dir.Path), provider.BaseUrl, "sk-real"), CancellationToken.None);
            (await PostAsync(recorder, Chat("Context: the Team plan costs $12 per seat."))).Status.Should().Be(200);
        }

        await using var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(new CacheOptions(_dir.Path, CacheMode.ReadOnly), null, null) { ApiKeySource = "OPENAI_API_KEY" }, CancellationToken.None);
        var (status, body) = await PostAsync(proxy, Chat("Context: the Team plan costs $15 per seat."));

        status.Should().Be(404);
        var miss = proxy.Ledger.ForTrace(Trace).Should().ContainSingle().Subject;
        miss.Outcome.Should().Be(ModelCallOutcome.Missed);
        miss.Problem.Should().Contain("model m1").And.Contain("differs first at messages[1].content at character 31")
            .And.Contain("$12").And.Contain("$15").And.Contain("--eval-cache-mode read-write and OPENAI_API_KEY");
        body.Should().Contain("not_recorded");
    }

    [Fact]
    public async Task Without_a_key_a_read_write_miss_fails_and_says_which_variable_to_set()
    {
        await using var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(new CacheOptions(_dir.Path), new Uri("http://127.0.0.1:9/v1"), null) { ApiKeySource = "OPENAI_API_KEY" }, CancellationToken.None);

        var (status, _) = await PostAsync(proxy, Chat("q"));

        status.Should().Be(404);
        proxy.Ledger.Calls.Single().Problem.Should().Contain("set OPENAI_API_KEY");
        Directory.Exists(_dir.Path).Should().BeTrue();
        Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing was recorded");
    }

    [Theory]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", Trace)]
    [InlineData("garbage", null)]
    [InlineData("", null)]
    public void The_trace_id_is_read_from_a_w3c_traceparent(string header, string? expected) =>
        ModelProxy.TraceIdOf(header).Should().Be(expected);

    [Fact]
    public void The_first_difference_names_the_path_and_both_values()
    {
        var recorded = JsonNode.Parse("""{"model":"m","temperature":0,"messages":[{"role":"user","content":"abc"}]}""");
        var now = JsonNode.Parse("""{"model":"m","temperature":0.2,"messages":[{"role":"user","content":"abc"}]}""");

        RequestDifference.First(recorded, now).Should().Be("temperature: recorded 0, now 0.2");
        RequestDifference.First(recorded, recorded).Should().BeNull();
        RequestDifference.First(JsonNode.Parse("""{"a":[1]}"""), JsonNode.Parse("""{"a":[1,2]}""")).Should().Be("a: recorded 1 items, now 2");
        RequestDifference.First(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"b":1}""")).Should().Be("a: recorded 1, now absent");
    }

    private static string Chat(string context) => new JsonObject
    {
        ["model"] = "m1",
        ["temperature"] = 0,
        ["user"] = "ignored-caller-id",
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = "Answer from the context." },
            new JsonObject { ["role"] = "user", ["content"] = context }),
    }.ToJsonString();

    private static async Task<(int Status, string Body)> PostAsync(ModelProxy proxy, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.BaseUrl + "/chat/completions"));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "placeholder-key");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{Trace}-b7ad6b7169203331-01");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
