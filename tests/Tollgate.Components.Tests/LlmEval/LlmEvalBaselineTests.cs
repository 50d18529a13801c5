using System.Text.Json;

namespace Tollgate.Components.Tests.LlmEval;

public sealed class LlmEvalBaselineTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private string BaselinePath => Path.Combine(_root.Path, "evals", "mini.baseline.json");

    [Fact]
    public async Task Update_baseline_writes_the_suite_baseline_and_a_later_regression_beyond_tolerance_fails()
    {
        EvalCases.Write(_root, minPassRate: 0.5);
        await using (var good = await FakeResearchAssistant.StartAsync())
        {
            var (written, writeOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", good.QueryUrl.ToString(), "--update-baseline");
            written.Should().Be(0, writeOutput);
            writeOutput.Should().Contain("Wrote the baseline");
        }

        using (var baseline = JsonDocument.Parse(File.ReadAllText(BaselinePath)))
        {
            baseline.RootElement.GetProperty("Cases").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(EvalCases.All.Select(c => c.Id));
            baseline.RootElement.GetProperty("Metrics").GetProperty("pass-rate").GetDouble().Should().Be(1);
        }

        var before = File.ReadAllText(BaselinePath);
        await using var regressed = await FakeResearchAssistant.StartAsync("pricing-enterprise-minimum");

        // 4/5 still clears the suite's own gate (0.5) but drops 20 % against the baseline (tolerance 5 %).
        var (exitCode, output, summary) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", regressed.QueryUrl.ToString(), "--eval-cache-mode", "off");

        exitCode.Should().Be(1);
        output.Should().MatchRegex(@"- pass-rate: dropped 20\.0 ?% against the baseline \(tolerance 5 ?%\)");
        summary.Should().Contain("pass-rate");
        File.ReadAllText(BaselinePath).Should().Be(before, "only --update-baseline writes the baseline");
    }

    [Fact]
    public async Task A_run_within_tolerance_of_the_baseline_passes()
    {
        EvalCases.Write(_root, minPassRate: 0.5);
        await using var server = await FakeResearchAssistant.StartAsync();
        var (written, writeOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--update-baseline");
        written.Should().Be(0, writeOutput);

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-mode", "off");

        exitCode.Should().Be(0, output);
        server.Requests.Should().Be(10);
    }

    [Fact]
    public async Task A_cost_rise_beyond_tolerance_fails_unless_approved()
    {
        EvalCases.Write(_root, minPassRate: 0.5);
        await using (var cheap = await FakeResearchAssistant.StartWithModelAsync("gpt-4o-mini"))
        {
            var (written, writeOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", cheap.QueryUrl.ToString(), "--update-baseline");
            written.Should().Be(0, writeOutput);
        }

        // The same tokens on a pricier model.
        await using var pricey = await FakeResearchAssistant.StartWithModelAsync("gpt-4o");
        var url = pricey.QueryUrl.ToString();

        var (refused, refusedOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-cache-mode", "off");
        var (approved, approvedOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-cache-mode", "off", "--cost-increase-approved");

        refused.Should().Be(1);
        refusedOutput.Should().Contain("LlmEval gates failed for mini: cost-per-run\n").And.Contain("against the baseline (tolerance 20 %); approve with the cost approval parameter");
        approved.Should().Be(0, approvedOutput);
    }
}
