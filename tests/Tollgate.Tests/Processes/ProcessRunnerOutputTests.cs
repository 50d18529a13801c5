using Tollgate.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class ProcessRunnerOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new("tollgate-process-tests");
    private readonly CollectingLog _log = new();
    private readonly SecretMasker _masker = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task I_can_see_a_secret_masked_in_child_process_output()
    {
        const string Secret = "s3cr3t-token-value";
        _masker.Add(Secret);
        var command = new CommandSpec("bash").WithArguments("-c", "echo \"out $1\"; echo \"err $1\" >&2; exit 7", "script", Secret);

        var act = () => Runner().RunAsync(command, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        _log.Messages.Should().Contain("out ***").And.Contain("err ***");
        _log.Text.Should().NotContain(Secret);
        failure.Message.Should().Contain("err ***").And.Contain("script ***").And.NotContain(Secret);
        failure.CommandLine.Should().NotContain(Secret);
        failure.LastErrorLines.Should().Equal("err ***");
    }

    [Fact]
    public async Task I_can_capture_output_unmasked_for_parsing_while_the_log_stays_masked()
    {
        _masker.Add("hunter22");
        var command = new CommandSpec("bash").WithArguments("-c", "echo one; echo hunter22; echo two >&2").WithCapture();

        var result = await Runner().RunAsync(command, CancellationToken.None);

        result.StandardOutput.Should().Be("one\nhunter22");
        result.StandardError.Should().Be("two");
        _log.Messages.Should().Contain("***").And.NotContain("hunter22");
    }

    [Fact]
    public async Task I_get_no_captured_output_unless_I_ask_for_it_but_the_log_gets_every_line()
    {
        var result = await Runner().RunAsync(new CommandSpec("bash").WithArguments("-c", "echo a; echo b >&2"), CancellationToken.None);

        result.StandardOutput.Should().BeEmpty();
        result.StandardError.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        _log.Messages.Should().Contain("a").And.Contain("b");
    }

    [Fact]
    public async Task I_see_stderr_lines_as_information_because_many_tools_write_progress_there()
    {
        await Runner().RunAsync(new CommandSpec("bash").WithArguments("-c", "echo progress 50% >&2"), CancellationToken.None);

        _log.Entries.Should().Contain((LogLevel.Information, "progress 50%"));
        _log.Entries.Should().NotContain(entry => entry.Level == LogLevel.Error || entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task I_can_turn_off_logging_of_output_and_still_capture_it()
    {
        var command = new CommandSpec("bash").WithArguments("-c", "echo quiet-line").WithCapture() with { LogOutput = false };

        var result = await Runner().RunAsync(command, CancellationToken.None);

        result.StandardOutput.Should().Be("quiet-line");
        _log.Messages.Should().NotContain("quiet-line");
    }

    [Fact]
    public async Task I_see_a_debug_line_naming_the_masked_command_and_working_directory()
    {
        _masker.Add("password123");
        var command = new CommandSpec("bash").WithArguments("-c", "true", "x", "password123").WithWorkingDirectory(_temp.Path);

        await Runner().RunAsync(command, CancellationToken.None);

        var debug = _log.Entries.Where(entry => entry.Level == LogLevel.Debug).Select(entry => entry.Message).ToList();
        debug.Should().ContainSingle(line => line.Contains("bash -c true x ***") && line.Contains(_temp.Path));
        debug.Should().Contain(line => line.Contains("exited with code 0"));
        _log.Text.Should().NotContain("password123");
    }

    [Fact]
    public async Task I_can_pass_arguments_with_spaces_quotes_and_shell_syntax_literally()
    {
        string[] arguments = ["a b", "it's \"quoted\"", "$(echo injected)", "a;b", "", "`id`", "x|y > z", "back\\slash"];

        var result = await Runner().RunAsync(
            new CommandSpec("printf").WithArguments(["%s\\n", .. arguments]).WithWorkingDirectory(_temp.Path).WithCapture(),
            CancellationToken.None);

        result.StandardOutput.Split('\n').Should().Equal(arguments);
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty("no shell ran the redirection");
    }

    [Fact]
    public async Task I_can_write_text_to_standard_input()
    {
        var result = await Runner().RunAsync(
            new CommandSpec("cat").WithStandardInput("first line\nsecond ünïcode line\n").WithCapture(),
            CancellationToken.None);

        result.StandardOutput.Should().Be("first line\nsecond ünïcode line");
    }

    [Fact]
    public async Task I_can_run_a_command_that_reads_standard_input_without_giving_it_any()
    {
        var result = await Runner().RunAsync(
            new CommandSpec("bash").WithArguments("-c", "read -r line; echo \"read:$? [$line]\"").WithCapture(),
            CancellationToken.None);

        result.StandardOutput.Should().Be("read:1 []", "standard input is closed at once rather than inherited");
    }

    [Fact]
    public async Task I_can_add_and_remove_environment_variables()
    {
        Environment.GetEnvironmentVariable("PATH").Should().NotBeNull();
        var command = new CommandSpec("bash")
            .WithArguments("-c", "echo \"added=${TOLLGATE_ADDED-unset} home=${HOME-unset} path=${PATH:+set}\"")
            .WithEnvironment("TOLLGATE_ADDED", "value with spaces")
            .WithEnvironment("HOME", null)
            .WithCapture();

        var result = await Runner().RunAsync(command, CancellationToken.None);

        result.StandardOutput.Should().Be("added=value with spaces home=unset path=set");
    }

    [Fact]
    public async Task I_can_choose_the_working_directory()
    {
        var result = await Runner().RunAsync(new CommandSpec("pwd").WithWorkingDirectory(_temp.Path).WithCapture(), CancellationToken.None);

        result.StandardOutput.Should().Be(_temp.Path);
    }

    [Fact]
    public async Task I_get_every_line_of_a_large_output_in_order()
    {
        var result = await Runner().RunAsync(
            new CommandSpec("seq").WithArguments("1", "20000").WithCapture(),
            CancellationToken.None);

        result.StandardOutput.Split('\n').Should().Equal(Enumerable.Range(1, 20000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var information = _log.Entries.Where(entry => entry.Level == LogLevel.Information).ToList();
        information.Should().HaveCount(20001, "every line is logged once, then the command's one-line summary");
        information[^1].Message.Should().StartWith("✔ seq 1 20000 (").And.EndWith(", 20000 line(s) of output)");
    }

    [Fact]
    public async Task A_command_that_exits_non_zero_without_exit_code_validation_is_not_collapsed_under_a_success_mark()
    {
        var command = new CommandSpec("bash").WithArguments("-c", "echo partial; exit 1").WithValidation(false);

        var result = await Runner().RunAsync(command, CancellationToken.None);

        result.ExitCode.Should().Be(1);
        var collapsed = _log.Entries.Where(entry => entry.Level == LogLevel.Information).Select(entry => entry.Message).Last();
        collapsed.Should().NotStartWith("✔").And.StartWith("⚠ exit 1: bash -c 'echo partial; exit 1' (").And.EndWith(", 1 line(s) of output)");
    }

    [Fact]
    public async Task A_command_that_exits_zero_is_collapsed_under_the_success_mark()
    {
        await Runner().RunAsync(new CommandSpec("bash").WithArguments("-c", "echo fine").WithValidation(false), CancellationToken.None);

        var collapsed = _log.Entries.Where(entry => entry.Level == LogLevel.Information).Select(entry => entry.Message).Last();
        collapsed.Should().StartWith("✔ bash -c").And.NotContain("exit code");
    }

    private ProcessRunner Runner() => new(_log, _masker, new ToolLocator(toolsDirectory: null));
}
