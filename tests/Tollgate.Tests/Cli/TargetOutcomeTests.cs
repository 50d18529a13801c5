using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class TargetOutcomeTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_succeeded_target_shows_its_last_reported_note_masked_on_one_line_in_the_terminal_table()
    {
        _fixture.Environment["TOKEN"] = "outcome+se<cr&t8813é";

        (await _fixture.RunAsync(new OutcomeBuild(), null, "Deploy")).Should().Be(0);

        RowOf("Deploy").Should().Contain("Succeeded").And.EndWith("http://127.0.0.1:8480/ (staging) as *** │");
        _fixture.Output.Should().NotContain("outcome+se<cr&t8813é").And.NotContain("second line").And.NotContain("deploying");
        _fixture.Output.TrimEnd().Should().EndWith("Build succeeded");
    }

    [Fact]
    public async Task The_GitHub_step_summary_shows_the_note_masked()
    {
        var summary = _fixture.Root / "step-summary.md";
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_STEP_SUMMARY"] = summary;
        _fixture.Environment["TOKEN"] = "outcome+se<cr&t8813é";

        (await _fixture.RunAsync(new OutcomeBuild(), null, "Deploy")).Should().Be(0);

        var markdown = await File.ReadAllTextAsync(summary);
        markdown.Should().MatchRegex(@"\| Deploy \| ✅ Succeeded \| [^|]+ \| http://127\.0\.0\.1:8480/ \(staging\) as \*\*\* \|")
            .And.NotContain("outcome+se<cr&t8813é");
        _fixture.Output.TrimEnd().Should().EndWith("Build succeeded");
    }

    [Fact]
    public async Task A_failed_target_shows_its_failure_not_the_note_it_reported()
    {
        (await _fixture.RunAsync(new OutcomeBuild(), null, "Broken")).Should().Be(1);

        _fixture.Output.Should().Contain("✘ Broken failed: the release did not start").And.NotContain("all good");
        RowOf("Broken").Should().Contain("Failed");
        _fixture.Output.TrimEnd().Should().EndWith("Build failed");
    }

    [Fact]
    public async Task Targets_running_in_parallel_each_keep_their_own_note()
    {
        (await _fixture.RunAsync(new OutcomeBuild(), null, "Left", "Right", "--max-parallel", "2")).Should().Be(0);

        RowOf("Left").Should().MatchRegex(@"│ left side +│$");
        RowOf("Right").Should().MatchRegex(@"│ right side +│$");
    }

    [Fact]
    public async Task Reporting_outside_a_running_target_is_an_error_that_says_where_to_call_it()
    {
        (await _fixture.RunAsync(new EarlyBuild(), null, "Early")).Should().Be(1);

        _fixture.Output.Should().Contain("call it from a target's action");
    }

    private sealed class EarlyBuild : TollgateBuild
    {
        public Target Early => _ =>
        {
            ReportOutcome("too early");
            return _;
        };
    }

    private string RowOf(string target) =>
        _fixture.Output.Split('\n').Select(line => line.TrimEnd('\r').TrimEnd()).Single(line => line.StartsWith($"│ {target} ", StringComparison.Ordinal));
}
