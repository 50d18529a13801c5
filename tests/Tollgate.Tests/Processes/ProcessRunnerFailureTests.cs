using Tollgate.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class ProcessRunnerFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new("tollgate-process-tests");
    private readonly CollectingLog _log = new();
    private readonly SecretMasker _masker = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task I_see_the_command_line_working_directory_exit_code_and_last_stderr_lines_when_a_command_fails()
    {
        var command = new CommandSpec("bash")
            .WithArguments("-c", "for i in $(seq 1 30); do echo \"problem $i\" >&2; done; exit 3", "my script")
            .WithWorkingDirectory(_temp.Path);

        var act = () => Runner().RunAsync(command, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.Message.Should().Contain("exited with code 3")
            .And.Contain("bash -c 'for i in $(seq 1 30); do echo \"problem $i\" >&2; done; exit 3' 'my script'")
            .And.Contain(_temp.Path)
            .And.Contain("problem 30").And.Contain("problem 11").And.NotContain("problem 10\n")
            .And.Contain("WithValidation(false)");
        failure.ExitCode.Should().Be(3);
        failure.WorkingDirectory.Should().Be(_temp.Path);
        failure.CommandLine.Should().Be(command.ToDisplayString());
        failure.LastErrorLines.Should().Equal(Enumerable.Range(11, 20).Select(i => $"problem {i}"));
        failure.Should().BeAssignableTo<TollgateException>();
    }

    [Fact]
    public async Task I_see_the_last_stdout_lines_when_a_failing_tool_wrote_nothing_to_stderr()
    {
        var act = () => Runner().RunAsync(new CommandSpec("bash").WithArguments("-c", "echo 'Build FAILED: CS1002'; exit 1"), CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.Message
            .Should().Contain("Standard error was empty").And.Contain("Build FAILED: CS1002");
    }

    [Fact]
    public async Task I_can_accept_a_non_zero_exit_code_with_WithValidation_false()
    {
        var result = await Runner().RunAsync(
            new CommandSpec("bash").WithArguments("-c", "echo partial; exit 4").WithValidation(false).WithCapture(),
            CancellationToken.None);

        result.ExitCode.Should().Be(4);
        result.Succeeded.Should().BeFalse();
        result.StandardOutput.Should().Be("partial");
    }

    [Fact]
    public async Task I_see_a_command_that_runs_too_long_stopped_with_a_timeout_error()
    {
        var command = new CommandSpec("bash")
            .WithArguments("-c", "echo started >&2; echo $$ > \"$0\"; sleep 300", _temp["pid"])
            .WithTimeout(TimeSpan.FromSeconds(2));

        var act = () => Runner().RunAsync(command, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.Message.Should().Contain("timed out after 2.0s").And.Contain("was stopped").And.Contain("started").And.Contain("WithTimeout");
        failure.ExitCode.Should().BeNull();
        ProcessProbe.ReadIds(_temp["pid"]).Should().ContainSingle()
            .Which.Should().Match(pid => !ProcessProbe.IsRunning(pid));
    }

    [Fact]
    public async Task I_can_run_a_tool_from_the_tools_directory_when_it_is_not_on_PATH()
    {
        var tools = Path.Combine(_temp.Path, "tools");
        _temp.WriteScript("tools/fake-helm/tollgate-fake-helm", "echo \"fake helm $*\"");
        var runner = new ProcessRunner(_log, _masker, new ToolLocator(tools, pathVariable: Environment.GetEnvironmentVariable("PATH")));

        var result = await runner.RunAsync(new CommandSpec("tollgate-fake-helm").WithArguments("lint", "chart dir").WithCapture(), CancellationToken.None);

        result.StandardOutput.Should().Be("fake helm lint chart dir");
        _log.Messages.Should().Contain(line => line.Contains("tollgate-fake-helm = " + Path.Combine(tools, "fake-helm", "tollgate-fake-helm")));
    }

    [Fact]
    public async Task I_see_where_a_missing_tool_was_looked_for_and_how_to_install_it()
    {
        var tools = Path.Combine(_temp.Path, "tools");
        var runner = new ProcessRunner(_log, _masker, new ToolLocator(tools, pathVariable: _temp.Path));

        var act = () => runner.RunAsync(new CommandSpec("tollgate-no-such-tool"), CancellationToken.None);

        (await act.Should().ThrowAsync<ToolNotFoundException>()).Which.Message
            .Should().Contain("'tollgate-no-such-tool'").And.Contain("PATH").And.Contain(tools).And.Contain("Install");
        var start = () => runner.Start(new CommandSpec("tollgate-no-such-tool"));
        start.Should().Throw<ToolNotFoundException>();
    }

    [Fact]
    public async Task I_see_which_working_directory_is_missing()
    {
        var missing = _temp["not-there"];

        var act = () => Runner().RunAsync(new CommandSpec("pwd").WithWorkingDirectory(missing), CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.Message
            .Should().Contain(missing).And.Contain("does not exist").And.Contain("WithWorkingDirectory");
    }

    [Fact]
    public async Task I_see_a_clear_error_when_a_file_cannot_be_executed()
    {
        var notExecutable = _temp["data.bin"];
        await File.WriteAllBytesAsync(notExecutable, [0, 1, 2, 3]);
        TempDirectory.MakeExecutable(notExecutable);

        var act = () => Runner().RunAsync(new CommandSpec(notExecutable), CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.Message.Should().Contain("Cannot run").And.Contain(notExecutable);
    }

    private ProcessRunner Runner() => new(_log, _masker, new ToolLocator(toolsDirectory: null));
}
