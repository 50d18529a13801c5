namespace Tollgate.Evaluation.Tests.Caching;

public sealed class CorruptEntryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("[1, 2]", "the top level is an array")]
    [InlineData("{\"key\": \"k\", \"created\": \"yesterday\", \"response\": {\"Output\": \"x\"}}", "'created' is '\"yesterday\"', expected an ISO 8601 date")]
    [InlineData("{\"key\": \"k\", \"created\": \"2026-11-30T00:00:00+00:00\"}", "no 'response'")]
    [InlineData("{\"key\": \"k\",\n \"created\": ", "not JSON")]
    public async Task An_unreadable_entry_is_an_error_naming_the_file_and_the_fix_in_every_mode(string content, string problem)
    {
        var material = new { kind = "target", question = "q" };
        var key = ResponseCache.ComputeKey(material);
        var path = Path.Combine(_dir.Path, key[..2], key + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);

        foreach (var mode in new[] { CacheMode.ReadWrite, CacheMode.ReadOnly })
        {
            var cache = new ResponseCache(new CacheOptions(_dir.Path, mode));
            var read = () => cache.GetOrCreateAsync("case-1", material, _ => Task.FromResult(new TargetResponse("fresh")), CancellationToken.None);

            (await read.Should().ThrowAsync<CacheEntryException>()).Which.Message.Should().Contain(path).And.Contain(problem).And.Contain("delete the file");
            File.ReadAllText(path).Should().Be(content, "a tracked entry is never silently re-recorded");
        }
    }

    [Fact]
    public async Task A_case_whose_entry_is_corrupt_is_reported_as_an_error_not_dropped()
    {
        var suite = new EvalSuite("s", new ProviderSpec("app", ProviderKind.Delegate), [TestSuites.Case("c1", "q"), TestSuites.Case("c2", "q2")]);
        var options = EvalRunOptions.Default.WithCache(new CacheOptions(_dir.Path))
            .WithDelegate("app", (_, _) => Task.FromResult(new TargetResponse("answer")));
        await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);
        var entry = Directory.GetFiles(_dir.Path, "*.json", SearchOption.AllDirectories).First();
        File.WriteAllText(entry, "[]");

        var run = await new EvaluationRunner().RunAsync(suite, options.WithCache(new CacheOptions(_dir.Path, CacheMode.ReadOnly)), null, CancellationToken.None);

        run.Cases.Should().HaveCount(2);
        run.Cases.Should().ContainSingle(c => c.Error != null && c.Error.Contains(entry, StringComparison.Ordinal));
    }
}
