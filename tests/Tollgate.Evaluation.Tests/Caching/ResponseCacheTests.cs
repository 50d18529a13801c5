using System.Text.Json;

namespace Tollgate.Evaluation.Tests.Caching;

public sealed class ResponseCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_key_ignores_property_order()
    {
        ResponseCache.ComputeKey(new { a = 1, b = "x" }).Should().Be(ResponseCache.ComputeKey(new { b = "x", a = 1 }));
        ResponseCache.ComputeKey(new { a = 1 }).Should().NotBe(ResponseCache.ComputeKey(new { a = 2 }));
    }

    [Fact]
    public async Task Entries_are_readable_json_with_the_request_and_response()
    {
        var cache = new ResponseCache(new CacheOptions(_dir.Path));

        await cache.GetOrCreateAsync("case-1", new { model = "m", prompt = "hi" }, _ => Task.FromResult(new TargetResponse("hello")), CancellationToken.None);

        var file = Directory.GetFiles(_dir.Path, "*.json", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        using var entry = JsonDocument.Parse(File.ReadAllText(file));
        entry.RootElement.GetProperty("label").GetString().Should().Be("case-1");
        entry.RootElement.GetProperty("request").GetProperty("prompt").GetString().Should().Be("hi");
        entry.RootElement.GetProperty("response").GetProperty("Output").GetString().Should().Be("hello");
        File.ReadAllText(file).Should().Contain("\n  ", "entries are indented for review in pull requests");
    }

    [Fact]
    public async Task An_expired_entry_is_a_miss()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = new CacheOptions(_dir.Path, TimeToLive: TimeSpan.FromHours(1));
        var calls = 0;
        Task<string> Create(CancellationToken _) => Task.FromResult($"call {++calls}");
        var cache = new ResponseCache(options, time);
        await cache.GetOrCreateAsync("c", "key", Create, CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(30));
        var fresh = await cache.GetOrCreateAsync("c", "key", Create, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        var expired = await cache.GetOrCreateAsync("c", "key", Create, CancellationToken.None);

        fresh.Should().Be(("call 1", true));
        expired.Should().Be(("call 2", false));
    }

    [Theory]
    [InlineData(CacheMode.Off, "call 2", false)]
    [InlineData(CacheMode.Refresh, "call 2", false)]
    [InlineData(CacheMode.ReadWrite, "call 1", true)]
    public async Task Modes_decide_whether_a_stored_entry_is_used(CacheMode mode, string expected, bool hit)
    {
        var calls = 0;
        Task<string> Create(CancellationToken _) => Task.FromResult($"call {++calls}");
        await new ResponseCache(new CacheOptions(_dir.Path)).GetOrCreateAsync("c", "key", Create, CancellationToken.None);

        var result = await new ResponseCache(new CacheOptions(_dir.Path, mode)).GetOrCreateAsync("c", "key", Create, CancellationToken.None);

        result.Should().Be((expected, hit));
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    [Fact]
    public void The_key_is_the_hash_of_the_canonical_json_so_committed_recordings_keep_their_keys()
    {
        var material = System.Text.Json.Nodes.JsonNode.Parse("""
            {"request": {"z": [3, {"b": null, "a": "ü + <&> \"q\""}], "model": "gpt-4o-mini", "temperature": 0.25},
             "kind": "model", "endpoint": "chat/completions", "n": -1e3, "ok": true}
            """)!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ResponseCache.Canonical(material)!.ToJsonString())));

        ResponseCache.ComputeKey(material).Should().Be(expected);
        ResponseCache.ComputeKey(new { b = 1, a = "x" }).Should().Be(ResponseCache.ComputeKey(System.Text.Json.Nodes.JsonNode.Parse("""{"a": "x", "b": 1}""")!));
    }
}
