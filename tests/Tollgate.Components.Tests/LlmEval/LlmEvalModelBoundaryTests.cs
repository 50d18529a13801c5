
namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// The service is the real ResearchAssistant, started for every run (read-only included); only its model calls are
/// recorded and replayed, through the model proxy. A change to a document therefore changes the result.
/// </summary>
public sealed class LlmEvalModelBoundaryTests : IDisposable
{
    private const string Cases = "api-rate-limit-team,pricing-team-seat";
    private const string BlankedDocument = "---\nid: doc-049\ntitle: \"API rate limits\"\ntags: [api, limits]\n---\n\nThis page was emptied.\n";

    private readonly TempDirectory _root = new();

    public LlmEvalModelBoundaryTests() => RealServiceBuild.Prepare(_root);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_blanked_document_fails_its_case_in_the_default_and_the_read_only_mode()
    {
        var before = await RunAsync();
        before.ExitCode.Should().Be(0, before.Output);
        before.Output.Should().Contain("2/2 cases passed").And.Contain("offline");

        _root.Write("service/documents/doc-049.md", BlankedDocument);

        var changed = await RunAsync();
        changed.ExitCode.Should().NotBe(0, changed.Output);
        changed.Output.Should().Contain("1/2 cases passed").And.Contain("LlmEval case 'api-rate-limit-team' failed");
        var replay = await RunAsync("--eval-cache-mode", "read-only");
        replay.ExitCode.Should().NotBe(0, "read-only mode still runs the service, so the blanked document is seen\n" + replay.Output);
        replay.Output.Should().Contain("LlmEval case 'api-rate-limit-team' failed");
    }

    [Fact]
    public async Task With_a_model_the_service_calls_it_through_the_proxy_and_a_read_only_run_replays_or_names_the_miss()
    {
        const string Key = "sk-boundary-test-4b1d9e";
        await using (var provider = await FakeModelProvider.StartAsync())
        {
            var record = await RunAsync("--eval-service-model", "fake-model", "--eval-model-base-url", provider.BaseUrl.ToString(), "--eval-model-api-key", Key);
            record.ExitCode.Should().Be(0, record.Output);
            record.Output.Should().Contain("model calls: 0 replayed, 2 sent to the provider, 0 missed");
            provider.Authorizations.Should().OnlyContain(a => a == $"Bearer {Key}", "the proxy forwards with the real key; the service only had a placeholder");
        }

        foreach (var entry in Directory.GetFiles(Path.Combine(_root.Path, "evals", ".cache"), "*.json", SearchOption.AllDirectories))
        {
            File.ReadAllText(entry).Should().NotContain(Key).And.NotContainEquivalentOf("authorization").And.NotContain("tollgate-model-proxy");
        }

        var replay = await RunAsync("--eval-service-model", "fake-model", "--eval-cache-mode", "read-only");
        replay.ExitCode.Should().Be(0, replay.Output);
        replay.Output.Should().Contain("model calls: 2 replayed, 0 sent to the provider, 0 missed");
        ReportedModelCalls().Should().Equal([2, 0, 0], "results.json and junit.xml carry the log line's counts");

        _root.Write("service/documents/doc-049.md", BlankedDocument);
        var miss = await RunAsync("--eval-service-model", "fake-model", "--eval-cache-mode", "read-only");
        miss.ExitCode.Should().NotBe(0, miss.Output);
        miss.Output.Should().Contain("LlmEval case 'api-rate-limit-team' failed")
            .And.Contain("no recorded response for model fake-model")
            .And.Contain("differs first at messages[")
            .And.Contain("--eval-cache-mode read-write");
        ReportedModelCalls()[2].Should().BeGreaterThan(0, "the miss is counted in the reports too");
    }

    /// <summary>The model calls replayed, sent and missed in artifacts/llm-eval/results.json, checked against junit.xml's properties.</summary>
    private int[] ReportedModelCalls()
    {
        var reports = Path.Combine(_root.Path, "artifacts", "llm-eval");
        var calls = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "results.json")))!["summary"]!["modelCalls"]!;
        int[] fromJson = [calls["replayed"]!.GetValue<int>(), calls["sentToProvider"]!.GetValue<int>(), calls["missed"]!.GetValue<int>()];
        var properties = System.Xml.Linq.XDocument.Load(Path.Combine(reports, "junit.xml")).Descendants("property")
            .ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value, StringComparer.Ordinal);
        string[] fromJUnit = [properties["llmeval.model-calls.replayed"], properties["llmeval.model-calls.sent-to-provider"], properties["llmeval.model-calls.missed"]];
        fromJUnit.Should().Equal(fromJson.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return fromJson;
    }

    [Fact]
    public async Task A_document_the_service_cannot_read_fails_the_target_naming_the_file_without_a_stack_trace()
    {
        _root.Write("service/documents/doc-049.md", "---\nid: doc-049\ntags: [api\n---\n\nText.\n");

        var (exitCode, output, _) = await RunAsync();

        exitCode.Should().NotBe(0);
        output.Should().Contain("ResearchAssistant cannot start: ").And.Contain("doc-049.md:4: invalid front matter YAML").And.Contain("exited with code 2");
        output.Should().NotMatchRegex(@"(?m)^\s+at [\w.`<>]+\.[\w<>`]+\(", "the service reports a bad document, not a stack trace into bin/");
    }

    private Task<(int ExitCode, string Output, string StepSummary)> RunAsync(params string[] args) =>
        LlmEvalBuild.RunOnGitHubAsync(new RealServiceBuild(_root.Path), _root.Path, ["LlmEval", "--eval-cases", Cases, .. args]);
}
