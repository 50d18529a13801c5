using System.Text.RegularExpressions;
using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Cli;

/// <summary>What a person reads: collapsed child output, hidden service logs, each failure once, the verdict last.</summary>
public sealed class ConsoleOutputTests : IDisposable
{
    private readonly BuildFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private AbsolutePath Logs => _fixture.Root / ".nuke" / "temp" / "logs";

    [Fact]
    public async Task A_successful_command_is_one_line_naming_the_file_that_keeps_its_output()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "Compile")).Should().Be(0);

        _fixture.Output.Should().NotContain("│ compiled-", "the command's lines are in its file, not in the terminal");
        _fixture.Output.Should().MatchRegex(@"Compile │ ✔ bash -c .* \([0-9.]+m?s, 3 line\(s\) of output in .*\.nuke/temp/logs/Compile\.1\.bash\.log\)");
        var file = File.ReadAllText(Logs / "Compile.1.bash.log");
        file.Should().StartWith("$ bash -c").And.Contain("compiled-one\n").And.Contain("! compiled-three\n").And.Contain("# exited with code 0");
    }

    [Fact]
    public async Task At_verbose_verbosity_every_line_of_a_command_is_shown()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "Compile", "--verbosity", "verbose")).Should().Be(0);

        _fixture.Output.Should().Contain("Compile │ compiled-one").And.Contain("Compile │ compiled-three");
    }

    [Fact]
    public async Task A_failed_command_is_printed_once_with_its_cause_and_its_last_lines()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "Test")).Should().Be(1);

        var output = _fixture.Output.ReplaceLineEndings("\n");
        output.Should().Contain("✘ Test failed: bash exited with code 3: error: 3 tests failed\n");
        output.Should().Contain("Last 1 line(s) of standard error:\n").And.Contain("| error: 3 tests failed\n");
        output.Should().Contain("Full output: ").And.Contain("Test.1.bash.log");
        Regex.Matches(output, "exited with code 3").Should().HaveCount(1, "the target's end line, the table and the verdict do not repeat it");
        output.TrimEnd().Split('\n')[^1].Should().Be("Build failed");
        output.Should().NotContain("The command exited with code");
    }

    [Fact]
    public async Task A_services_log_is_hidden_while_it_works()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "Serve")).Should().Be(0);

        _fixture.Output.Should().NotContain("service warming up");
        File.ReadAllText(Logs / "Serve.1.bash.log").Should().Contain("service warming up").And.Contain("listening");
    }

    [Fact]
    public async Task A_service_that_fails_shows_its_log_in_the_failure()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "ServeBroken")).Should().Be(1);

        var output = _fixture.Output;
        output.Should().Contain("✘ ServeBroken failed: bash exited with code 4 before it printed the line that was waited for: port 5000 in use");
        Regex.Count(output, @"\| port 5000 in use").Should().Be(1, "the service's last lines are printed once");
        Regex.Count(output, "before it printed the line").Should().Be(1, "the table and the verdict do not repeat the cause");
        output.Should().NotContain("service warming up\n", "the lines before are in the file the failure names");
    }

    [Fact]
    public async Task An_unexpected_exception_shows_its_stack_trace_once()
    {
        (await _fixture.RunAsync(new OutputBuild(), null, "Crash")).Should().Be(1);

        var output = _fixture.Output;
        output.Should().Contain("✘ Crash failed: System.InvalidOperationException: the list was empty");
        Regex.Matches(output, "the list was empty").Should().HaveCount(1);
        Regex.Count(output, @"   at ").Should().BeGreaterThan(0, "a bug in the build needs its stack trace");
    }

    [Fact]
    public async Task On_GitHub_Actions_command_output_stays_in_the_targets_group_and_the_failure_is_one_annotation()
    {
        _fixture.Environment["GITHUB_ACTIONS"] = "true";

        (await _fixture.RunAsync(new OutputBuild(), null, "Compile", "Test")).Should().Be(1);

        var output = _fixture.Output.ReplaceLineEndings("\n");
        output.Should().MatchRegex(@"::group::Compile\n(.*\n)*compiled-one\n(.*\n)*::endgroup::");
        output.Should().Contain("::error title=Test failed::bash exited with code 3: error: 3 tests failed%0A");
        Regex.Matches(output, "exited with code 3").Should().HaveCount(1);
    }
}
