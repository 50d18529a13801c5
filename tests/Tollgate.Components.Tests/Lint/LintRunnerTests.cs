using Tollgate.Components.Lint;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Lint;

public sealed class LintRunnerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task All_problems_from_all_checks_are_collected_and_any_error_fails_the_stage()
    {
        _directory.Write("src/App/prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question]\nuser: |\n  Q: {{ questoin }}\n");
        _directory.Write("src/App/prompts/answer/v2.yaml", "name: answer\nversion: v2\nvariables: [question]\nuser: \"Q: {{question}}\"\n");
        _directory.Write(".github/workflows/ci.yml", "on: push\njobs:\n  a: 1\n  a: 2\n");
        _directory.Write("evals/suite.yaml", "cases:\n  - question: q\n");
        _directory.Write("src/App/Dockerfile", "ARG BASE=x:1\nFROM $BASE\nUSER app\n");
        _directory.Write("src/App/bin/Dockerfile", "FROM ubuntu\n");
        var options = new LintOptions(_directory.Path).WithDotnetFormat(false).WithShellScripts([]);

        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunAsync(options, CancellationToken.None);

        result.Checks.Select(c => (c.Name, c.FilesChecked)).Should().Equal(
            ("dotnet format", 0), ("prompt files", 2), ("YAML well-formedness", 2), ("shellcheck", 0), ("Dockerfiles", 1));
        result.Diagnostics.Select(d => $"{d.File}:{d.Line} {d.Code}").Should().Equal(
            "src/App/prompts/answer/v1.yaml:5 PROMPT005",
            "src/App/prompts/answer/v1.yaml:3 PROMPT006",
            ".github/workflows/ci.yml:4 YAML001");
        result.ErrorCount.Should().Be(3);
        result.Succeeded.Should().BeFalse();
        result.ToMarkdown().Should().Contain("| prompt files | 2 | 2 | 0 |").And.Contain("**Failed**: 3 error(s)");
    }

    [Fact]
    public async Task A_clean_tree_passes_and_warnings_do_not_fail_it()
    {
        _directory.Write("src/App/Dockerfile", "FROM alpine\nUSER app\n");
        var options = new LintOptions(_directory.Path).WithDotnetFormat(false).WithShellScripts([]);

        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunAsync(options, CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        result.WarningCount.Should().Be(1);
        result.ToMarkdown().Should().Contain("**Passed** with 1 warning(s).");
    }

    [Fact]
    public async Task Dotnet_format_without_one_solution_in_the_root_says_which_parameter_to_set()
    {
        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunDotnetFormatAsync(new LintOptions(_directory.Path), _directory.Path, CancellationToken.None);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("no .sln/.slnx file").And.Contain("LintFormatWorkspace");
    }

    [Fact]
    public async Task Dotnet_format_that_cannot_load_the_workspace_is_an_error_with_its_message()
    {
        var options = new LintOptions(_directory.Path) { FormatWorkspace = "Missing/Missing.csproj" };

        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunDotnetFormatAsync(options, _directory.Path, CancellationToken.None);

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Severity.Should().Be(LogLevel.Error);
        error.Message.Should().Contain("failed with exit code 1 without a report").And.Contain("Missing.csproj' does not exist");
    }
}
