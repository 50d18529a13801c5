
namespace Tollgate.Components.Tests.LlmEval;

public sealed class LlmEvalSecretTests : IDisposable
{
    // The stage reads the key from the process environment, so the variable's name is unique to this test.
    private const string KeyVariable = "TOLLGATE_TEST_LLMEVAL_SECRET_KEY";
    private const string Key = "sk-test-9f3a71c2e8b4d605";

    private readonly TempDirectory _root = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(KeyVariable, null);
        _root.Dispose();
    }

    [Fact]
    public async Task A_provider_key_echoed_by_the_service_is_masked_in_the_log_and_every_report()
    {
        EvalCases.Write(_root, apiKeyEnv: KeyVariable);
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        await using var server = await FakeResearchAssistant.StartLeakingAsync(Key);

        var (exitCode, output, summary) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-http-response-cache", "evals/**");

        exitCode.Should().Be(0, output);
        output.Split('\n').Where(line => line.Contains(Key, StringComparison.Ordinal))
            .Should().OnlyContain(line => line.StartsWith("::add-mask::", StringComparison.Ordinal), "GitHub is told to mask the key, and nothing else prints it");
        summary.Should().NotContain(Key);
        var reports = Directory.GetFiles(Path.Combine(_root.Path, "artifacts", "llm-eval"));
        reports.Should().HaveCount(4);
        var results = File.ReadAllText(reports.Single(r => r.EndsWith("results.json", StringComparison.Ordinal)));
        results.Should().Contain("(debug: key ", "the leaked answer is reported, with the key masked");
        foreach (var report in reports)
        {
            File.ReadAllText(report).Should().NotContain(Key, report);
        }

        var cacheEntries = Directory.GetFiles(Path.Combine(_root.Path, "evals", ".cache"), "*.json", SearchOption.AllDirectories);
        cacheEntries.Should().NotBeEmpty("the run records its responses");
        foreach (var entry in cacheEntries)
        {
            File.ReadAllText(entry).Should().NotContain(Key, "the cache is meant to be committed: {0}", entry);
        }
    }
}
