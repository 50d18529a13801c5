
namespace Tollgate.Components.Tests.LlmEval;

public sealed class LlmEvalComponentTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_passing_run_writes_the_four_reports_and_puts_the_markdown_in_the_step_summary()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        var (exitCode, output, summary) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString());

        exitCode.Should().Be(0, output);
        server.Requests.Should().Be(5);
        var reports = Path.Combine(_root.Path, "artifacts", "llm-eval");
        Directory.GetFiles(reports).Select(Path.GetFileName).Should().BeEquivalentTo("results.json", "junit.xml", "summary.md", "report.html");
        File.ReadAllText(Path.Combine(reports, "junit.xml")).Should().Contain("pricing-team-seat").And.Contain("tests=\"5\"");
        File.ReadAllText(Path.Combine(reports, "results.json")).Should().Contain("billing-student-discount");
        File.ReadAllText(Path.Combine(reports, "report.html")).Should().StartWith("<!DOCTYPE html>");
        var markdown = File.ReadAllText(Path.Combine(reports, "summary.md"));
        markdown.Should().Contain("pass-rate");
        summary.Should().Contain(markdown.Trim());
        output.Should().Contain("5/5 cases passed; model calls: 0 replayed, 0 sent to the provider, 0 missed; judge and embedding calls: 0 replayed, 0 sent to the provider, 0 without a recording (their checks did not run); model-provider cache: 0 replayed, 0 recorded");
    }

    [Fact]
    public async Task The_progress_line_shows_the_count_once_followed_by_the_pass_rate()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync("pricing-team-seat");

        var (_, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-concurrency", "1");

        output.Should().Contain("LlmEval mini: 5/5 pass 80 % · 2,200 tokens · $");
        output.Should().NotContain("5/5 5/5").And.NotContain("5/5 · ");
    }

    [Fact]
    public async Task A_failing_gate_fails_the_target_naming_the_gate_and_each_failing_case_at_its_line()
    {
        EvalCases.Write(_root, minPassRate: 0.8);
        await using var server = await FakeResearchAssistant.StartAsync("pricing-personal-annual", "billing-student-discount");

        var (exitCode, output, summary) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString());

        exitCode.Should().Be(1);
        output.Should().Contain("::error title=LlmEval failed::LlmEval gates failed for mini: pass-rate\n", "the annotation shows only the first line");
        output.Should().Contain("- pass-rate: 60.0 % is below the minimum 80.0 %");
        output.Should().Contain($"::error file={EvalCases.CasesFile},line={EvalCases.LineOf("pricing-personal-annual")},");
        output.Should().Contain($"::error file={EvalCases.CasesFile},line={EvalCases.LineOf("billing-student-discount")},");
        output.Should().MatchRegex(@"title=LLMEVAL::LlmEval case 'billing-student-discount' failed: recall@k: recall@5 0: 0/1 expected documents in the top 5; missing doc-007");
        output.Should().NotContain("'pricing-team-seat' failed");
        summary.Should().Contain("LlmEval gates failed for mini: pass-rate").And.Contain("billing-student-discount");
    }

    [Fact]
    public async Task A_failing_case_in_a_suite_that_passes_its_gates_is_a_warning_at_its_line()
    {
        EvalCases.Write(_root, minPassRate: 0.5);
        await using var server = await FakeResearchAssistant.StartAsync("plans-free-notebooks");

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString());

        exitCode.Should().Be(0, output);
        output.Should().Contain($"::warning file={EvalCases.CasesFile},line={EvalCases.LineOf("plans-free-notebooks")},");
        output.Should().NotContain("::error");
    }

    [Fact]
    public async Task An_unknown_cache_mode_fails_the_target_with_the_nearest_mode()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-mode", "read-onyl");

        exitCode.Should().Be(1);
        output.Should().Contain("unknown cache mode 'read-onyl'; did you mean 'read-only'?");
        server.Requests.Should().Be(0);
    }

    [Theory]
    [InlineData("pricing-team-seat,billing-student-discount")]
    [InlineData("pricing-team-seat, billing-student-discount")]
    [InlineData("pricing-team-seat,,billing-student-discount,")]
    public async Task Eval_cases_split_on_commas_as_well_as_spaces(string list)
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        string[] items = [.. list.Split(' ')];
        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, ["--eval-provider-url", server.QueryUrl.ToString(), "--eval-cache-mode", "off", "--eval-cases", .. items]);

        exitCode.Should().Be(0, output);
        output.Should().Contain("2/2 cases passed");
        server.Requests.Should().Be(2);
        var junit = File.ReadAllText(Path.Combine(_root.Path, "artifacts", "llm-eval", "junit.xml"));
        junit.Should().Contain("name=\"pricing-team-seat\"").And.Contain("name=\"billing-student-discount\"").And.NotContain("name=\"plans-free-notebooks\"");
    }

    [Fact]
    public async Task An_unknown_id_in_a_comma_list_is_named_with_the_nearest_id_and_nothing_runs()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", server.QueryUrl.ToString(), "--eval-cases", "pricing-team-seat,billing-student-discont");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("no case has the id 'billing-student-discont'; did you mean 'billing-student-discount'?");
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Case_and_tag_filters_and_repeats_reach_the_runner()
    {
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();
        var url = server.QueryUrl.ToString();
        string[] twoCases = ["--eval-provider-url", url, "--eval-cache-mode", "off", "--eval-cases", "pricing-team-seat", "billing-student-discount"];

        var (byId, byIdOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, twoCases);
        byId.Should().Be(0, byIdOutput);
        byIdOutput.Should().Contain("LlmEval mini: 2/2 ").And.Contain("2/2 cases passed");
        server.Requests.Should().Be(2);

        // Repeats make the run statistical: the pass-rate gate then uses the 95 % lower bound, which two cases cannot lift to 0.8.
        var (repeated, repeatedOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, [.. twoCases, "--eval-repeat", "2"]);
        repeated.Should().Be(1);
        repeatedOutput.Should().Contain("2/2 cases passed").And.Contain("- pass-rate: the 95 % lower bound");
        server.Requests.Should().Be(6, "two cases, two attempts each");

        var (byTag, byTagOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, "--eval-provider-url", url, "--eval-tags", "pricng");
        byTag.Should().Be(1);
        byTagOutput.Should().Contain("No case of mini matches --eval-cases [] --eval-tags [pricng]; the suite's tags are: pricing");
        server.Requests.Should().Be(6);
    }
}
