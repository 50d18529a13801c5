using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Lint;

public sealed class LintComponentTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_planted_prompt_variable_mismatch_fails_the_lint_target_with_annotations_and_a_summary()
    {
        _directory.Write("src/App/prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question]\nuser: |\n  Q: {{ questoin }}\n");
        _directory.Write("src/App/Dockerfile", "FROM alpine:3.20\nUSER app\n");

        var (exitCode, output, summary) = await ComponentBuild.RunOnGitHubAsync(_directory.Path, "Lint", "--lint-skip-format", "--lint-shell-scripts", "none.sh");

        exitCode.Should().Be(1);
        output.Should().Contain("::error file=src/App/prompts/answer/v1.yaml,line=5,col=6,title=PROMPT005::");
        output.Should().Contain("::error file=src/App/prompts/answer/v1.yaml,line=3,title=PROMPT006::");
        output.Should().Contain("Lint found 2 error(s) and 0 warning(s)");
        summary.Should().Contain("### Lint").And.Contain("| prompt files | 1 | 2 | 0 |").And.Contain("| Dockerfiles | 1 | 0 | 0 |");
    }

    [Fact]
    public async Task A_clean_tree_passes_the_lint_target()
    {
        _directory.Write("src/App/prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question]\nuser: \"Q: {{question}}\"\n");

        var (exitCode, output, summary) = await ComponentBuild.RunOnGitHubAsync(_directory.Path, "Lint", "--lint-skip-format", "--lint-shell-scripts", "none.sh");

        exitCode.Should().Be(0, output);
        summary.Should().Contain("**Passed** with 0 warning(s).");
    }
}
