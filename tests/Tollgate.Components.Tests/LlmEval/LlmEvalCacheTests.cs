
namespace Tollgate.Components.Tests.LlmEval;

public sealed class LlmEvalCacheTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Without_the_http_response_cache_option_a_read_only_run_calls_the_service_again()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();
        var url = server.QueryUrl.ToString();
        (await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url)).ExitCode.Should().Be(0);

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-cache-mode", "read-only");

        exitCode.Should().Be(0, output);
        server.Requests.Should().Be(10, "the service is evaluated as it is now on every run");
        Directory.Exists(Path.Combine(_root.Path, "evals", ".cache")).Should().BeFalse();
    }

    [Fact]
    public async Task With_the_http_response_cache_option_a_read_only_replay_makes_no_requests()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();
        var url = server.QueryUrl.ToString();
        var (recorded, recordOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-http-response-cache", "evals/**");
        recorded.Should().Be(0, recordOutput);
        server.Requests.Should().Be(5);
        Directory.GetFiles(Path.Combine(_root.Path, "evals", ".cache"), "*.json", SearchOption.AllDirectories).Should().HaveCount(5);

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-cache-mode", "read-only", "--eval-http-response-cache", "evals/**");

        exitCode.Should().Be(0, output);
        server.Requests.Should().Be(5);
        output.Should().Contain("5/5 cases passed").And.Contain("model-provider cache: 5 replayed, 0 recorded");
        output.Should().Contain("LlmEval mini: 5/5 pass 100 % · 2,200 tokens", "the replay keeps the recorded usage, so token and cost gates still hold in CI");
    }

    [Fact]
    public async Task An_http_suite_without_a_url_or_a_service_command_says_how_to_start_the_service()
    {
        EvalCases.Write(_root);

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-cache-mode", "read-only");

        exitCode.Should().Be(1);
        output.Should().Contain("the build does not say how to start it: set LlmEvalService.Command in the build");
    }

    [Fact]
    public async Task A_read_only_run_with_an_empty_cache_fails_naming_the_case()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-mode", "read-only", "--eval-http-response-cache", "evals/**");

        exitCode.Should().Be(1);
        server.Requests.Should().Be(0);
        output.Should().Contain("LlmEval gates failed for mini");
        output.Should().Contain($"::error file={EvalCases.CasesFile},line={EvalCases.LineOf("pricing-team-seat")},");
        output.Should().Contain("pricing-team-seat: no cached response").And.Contain("the cache is read-only");
    }
}
