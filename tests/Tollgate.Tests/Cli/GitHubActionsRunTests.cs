using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class GitHubActionsRunTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task On_GitHub_Actions_targets_are_grouped_secrets_masked_and_the_summary_written()
    {
        var summary = _fixture.Root / "step-summary.md";
        await File.WriteAllTextAsync(summary, "# Earlier step\n");
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_STEP_SUMMARY"] = summary;
        _fixture.Environment["TOKEN"] = "gh-secret-4567";

        (await _fixture.RunAsync(new SampleBuild(), null, "Deploy")).Should().Be(0);

        _fixture.Output.Should().Contain("::group::Restore").And.Contain("::endgroup::").And.Contain("::add-mask::gh-secret-4567");
        _fixture.Output.Replace("::add-mask::gh-secret-4567", string.Empty, StringComparison.Ordinal).Should().NotContain("gh-secret-4567");
        var markdown = await File.ReadAllTextAsync(summary);
        markdown.Should().StartWith("# Earlier step").And.Contain("| Deploy |").And.Contain("Build succeeded");
    }

    [Fact]
    public async Task The_host_can_be_chosen_on_the_command_line()
    {
        (await _fixture.RunAsync(new SampleBuild(), null, "Restore", "--host", "github-actions")).Should().Be(0);
        _fixture.Output.Should().Contain("::group::Restore");
    }

    [Fact]
    public async Task A_build_that_fails_before_its_targets_still_writes_the_step_summary()
    {
        var summary = _fixture.Root / "step-summary.md";
        _fixture.Environment["GITHUB_ACTIONS"] = "true";
        _fixture.Environment["GITHUB_STEP_SUMMARY"] = summary;

        (await _fixture.RunAsync(new SampleBuild(), null, "Deploy")).Should().Be(1);

        var markdown = await File.ReadAllTextAsync(summary);
        markdown.Should().Contain("(before targets)").And.Contain("Build failed").And.Contain("Token");
    }
}
