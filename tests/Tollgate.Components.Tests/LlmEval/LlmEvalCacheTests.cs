using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.LlmEval;

public sealed class LlmEvalCacheTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_read_only_replay_after_a_recording_run_makes_no_requests()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();
        var url = server.QueryUrl.ToString();
        var (recorded, recordOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url);
        recorded.Should().Be(0, recordOutput);
        server.Requests.Should().Be(5);
        Directory.GetFiles(Path.Combine(_root.Path, "evals", ".cache"), "*.json", SearchOption.AllDirectories).Should().HaveCount(5);

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-cache-mode", "read-only");

        exitCode.Should().Be(0, output);
        server.Requests.Should().Be(5);
        output.Should().Contain("5/5 cases passed; cache 5 hits, 0 misses");
        output.Should().Contain("LlmEval mini: 5/5 pass 100 % · 2,200 tokens", "the replay keeps the recorded usage, so token and cost gates still hold in CI");
    }

    [Fact]
    public async Task A_read_only_replay_without_a_provider_url_does_not_start_the_service()
    {
        EvalCases.Write(_root);
        await using (var server = await FakeResearchAssistant.StartAsync())
        {
            var (recorded, recordOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-directory", "recorded");
            recorded.Should().Be(0, recordOutput);
        }

        // The default service command would run src/ResearchAssistant, which this root does not have.
        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-cache-mode", "read-only", "--eval-cache-directory", "recorded");

        exitCode.Should().Be(0, output);
        output.Should().NotContain("Starting the system under test");
        output.Should().Contain("cache 5 hits, 0 misses");
    }

    [Fact]
    public async Task A_read_only_run_with_an_empty_cache_fails_naming_the_case()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-mode", "read-only");

        exitCode.Should().Be(1);
        server.Requests.Should().Be(0);
        output.Should().Contain("LlmEval gates failed for mini");
        output.Should().Contain($"::error file={EvalCases.CasesFile},line={EvalCases.LineOf("pricing-team-seat")},");
        output.Should().Contain("pricing-team-seat: no cached response").And.Contain("the cache is read-only");
    }
}
