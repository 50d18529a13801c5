namespace Tollgate.Evaluation.Tests.Caching;

public sealed class ReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_cached_rerun_in_read_only_mode_makes_zero_http_requests()
    {
        await using var server = await FakeOpenAI.StartAsync((call, _) => call.JsonMode
            ? FakeReply.Text("""{"score": 5, "reasoning": "direct"}""")
            : FakeReply.Text("The Team plan is $12 per seat."));
        var suite = Suite(server.BaseUrl);
        var cache = new CacheOptions(Path.Combine(_dir.Path, "cache"));
        await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithCache(cache), null, CancellationToken.None);
        var recorded = server.RequestCount;

        var replay = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions(apiKey: "").WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        recorded.Should().Be(4, "two answers and two judge verdicts were recorded");
        server.RequestCount.Should().Be(recorded);
        replay.Cases.Should().OnlyContain(c => c.Passed && c.Attempts[0].Cached);
        replay.CacheHits.Should().Be(2, "the two answers replay from the cache");
        replay.JudgeCallsReplayed.Should().Be(2, "the two judge verdicts replay through the model proxy");
        replay.Cases[0].Attempts[0].Assertions.Should().Contain(a => a.Type == "answer-relevance" && a.Status == AssertionStatus.Passed);
    }

    [Fact]
    public async Task Embeddings_replay_from_the_cache_too()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("twelve dollars per seat"));
        var suite = new EvalSuite("s", TestSuites.Chat(server.BaseUrl), [TestSuites.Case("a", "q") with { Expected = "twelve dollars per seat" }])
        {
            Judge = TestSuites.Judge(server.BaseUrl),
            EmbeddingModel = "text-embedding-3-small",
            DefaultAssertions = [new AssertionSpec("embedding-similarity")],
        };
        var cache = new CacheOptions(Path.Combine(_dir.Path, "cache"));
        await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithCache(cache), null, CancellationToken.None);
        var recorded = server.RequestCount;

        var replay = await new EvaluationRunner().RunAsync(suite, TestSuites.OfflineOptions().WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        recorded.Should().Be(2, "one answer and one embeddings call");
        server.RequestCount.Should().Be(recorded);
        replay.Cases[0].Attempts[0].Assertions.Single().Status.Should().Be(AssertionStatus.Passed);
    }

    [Fact]
    public async Task The_cache_key_excludes_the_endpoint_url()
    {
        var cache = new CacheOptions(Path.Combine(_dir.Path, "cache"));
        await using (var laptop = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("$12 per seat")))
        {
            await new EvaluationRunner().RunAsync(Suite(laptop.BaseUrl), TestSuites.OfflineOptions().WithCache(cache), null, CancellationToken.None);
        }

        await using var ci = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("different"));
        var run = await new EvaluationRunner().RunAsync(Suite(ci.BaseUrl), TestSuites.OfflineOptions().WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);

        ci.RequestCount.Should().Be(0);
        run.Cases[0].Attempts[0].Output.Should().Be("$12 per seat");
    }

    [Fact]
    public async Task A_read_only_miss_is_an_error_naming_the_case()
    {
        await using var server = await FakeOpenAI.StartAsync((_, _) => FakeReply.Text("x"));
        var cache = new CacheOptions(Path.Combine(_dir.Path, "empty"), CacheMode.ReadOnly);

        var run = await new EvaluationRunner().RunAsync(Suite(server.BaseUrl), TestSuites.OfflineOptions().WithCache(cache), null, CancellationToken.None);

        run.Cases[0].Error.Should().StartWith("team: no cached response").And.Contain("read-only");
        server.RequestCount.Should().Be(0);
    }

    private static EvalSuite Suite(Uri baseUrl) =>
        new("s", TestSuites.Chat(baseUrl), [TestSuites.Case("team", "Team price?", "$12"), TestSuites.Case("seat", "Seat price?", "seat")])
        {
            Judge = TestSuites.Judge(baseUrl),
            DefaultAssertions = [new AssertionSpec("icontains-all"), new AssertionSpec("answer-relevance") { Required = false }],
        };
}
