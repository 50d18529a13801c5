using Tollgate.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class RunningProcessTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new("tollgate-process-tests");
    private readonly CollectingLog _log = new();
    private readonly SecretMasker _masker = new();
    private readonly ProcessRunner _runner;

    public RunningProcessTests() => _runner = new ProcessRunner(_log, _masker, new ToolLocator(toolsDirectory: null));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task I_can_start_a_service_wait_until_it_listens_and_dispose_it_to_stop_it()
    {
        var pids = _temp["pids"];
        const string Script = """
            sleep 300 &
            echo $! >> "$0"
            echo starting
            echo "Now listening on http://127.0.0.1:5123"
            wait
            """;
        var service = _runner.Start(new CommandSpec("bash").WithArguments("-c", Script, pids));
        int[] tree;
        await using (service)
        {
            var line = await service.WaitForOutputAsync(l => l.StartsWith("Now listening on", StringComparison.Ordinal), Generous, CancellationToken.None);

            line.Should().Be("Now listening on http://127.0.0.1:5123");
            service.HasExited.Should().BeFalse();
            _log.Messages.Should().Contain("starting");
            (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 1)).Should().BeTrue();
            tree = [service.ProcessId, .. ProcessProbe.ReadIds(pids)];
        }

        service.HasExited.Should().BeTrue();
        (await Eventually.HoldsAsync(() => !tree.Any(ProcessProbe.IsRunning))).Should().BeTrue("the service and its child are stopped");
    }

    [Fact]
    public async Task I_see_a_line_printed_before_I_started_waiting_and_successive_waits_find_successive_lines()
    {
        await using var service = _runner.Start(new CommandSpec("bash").WithArguments("-c", "echo ready 1; echo ready 2; echo other; exec sleep 300"));
        (await Eventually.HoldsAsync(() => _log.Messages.Contains("other"))).Should().BeTrue();

        var first = await service.WaitForOutputAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Generous, CancellationToken.None);
        var second = await service.WaitForOutputAsync(l => l.StartsWith("ready", StringComparison.Ordinal), Generous, CancellationToken.None);

        first.Should().Be("ready 1");
        second.Should().Be("ready 2");
    }

    [Fact]
    public async Task I_see_why_a_service_that_exits_before_it_is_ready_failed()
    {
        _masker.Add("db-password-1");
        await using var service = _runner.Start(
            new CommandSpec("bash").WithArguments("-c", "echo 'cannot bind 127.0.0.1:5000 with db-password-1' >&2; exit 4"));

        var act = () => service.WaitForOutputAsync(l => l.Contains("listening", StringComparison.Ordinal), Generous, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.Message.Should().Contain("exited with code 4 before").And.Contain("cannot bind 127.0.0.1:5000 with ***").And.NotContain("db-password-1");
        failure.ExitCode.Should().Be(4);
    }

    [Fact]
    public async Task I_see_a_timeout_when_a_service_never_prints_the_awaited_line_and_it_keeps_running()
    {
        await using var service = _runner.Start(new CommandSpec("bash").WithArguments("-c", "echo booting; exec sleep 300"));

        var act = () => service.WaitForOutputAsync(l => l.Contains("listening", StringComparison.Ordinal), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.Message
            .Should().Contain("within 300ms").And.Contain("still running");
        service.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task I_can_cancel_waiting_for_output()
    {
        await using var service = _runner.Start(new CommandSpec("sleep").WithArguments("300"));
        using var cancellation = new CancellationTokenSource();
        var wait = service.WaitForOutputAsync(_ => true, Generous, cancellation.Token);

        await cancellation.CancelAsync();

        var act = () => wait;
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task I_see_a_service_that_traps_SIGTERM_exit_cleanly_when_I_stop_it()
    {
        var marker = _temp["cleaned-up"];
        const string Script = """
            trap 'echo cleaned > "$0"; exit 0' TERM
            echo ready
            sleep 300 &
            wait $!
            """;
        await using var service = _runner.Start(new CommandSpec("bash").WithArguments("-c", Script, marker) with { GracePeriod = Generous });
        await service.WaitForOutputAsync(l => l == "ready", Generous, CancellationToken.None);

        await service.StopAsync();
        var result = await service.WaitForExitAsync(CancellationToken.None);

        result.ExitCode.Should().Be(0, "the trap exited with 0 within the grace period");
        File.Exists(marker).Should().BeTrue();
    }

    [Fact]
    public async Task I_see_a_service_that_ignores_SIGTERM_killed_after_the_grace_period()
    {
        const string Script = """
            trap '' TERM
            echo ready
            while true; do sleep 1; done
            """;
        await using var service = _runner.Start(
            new CommandSpec("bash").WithArguments("-c", Script) with { GracePeriod = TimeSpan.FromMilliseconds(300) });
        await service.WaitForOutputAsync(l => l == "ready", Generous, CancellationToken.None);

        await service.StopAsync();
        var result = await service.WaitForExitAsync(CancellationToken.None);

        result.ExitCode.Should().Be(128 + 9, "it survived SIGTERM and was killed with SIGKILL");
        ProcessProbe.IsRunning(service.ProcessId).Should().BeFalse();
    }

    [Fact]
    public async Task I_get_the_result_of_a_started_process_and_a_failure_when_its_exit_code_is_not_zero()
    {
        await using var succeeding = _runner.Start(new CommandSpec("bash").WithArguments("-c", "echo finished").WithCapture());
        await using var failing = _runner.Start(new CommandSpec("bash").WithArguments("-c", "echo broken >&2; exit 5"));

        var result = await succeeding.WaitForExitAsync(CancellationToken.None);
        var act = () => failing.WaitForExitAsync(CancellationToken.None);

        result.StandardOutput.Should().Be("finished");
        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.ExitCode.Should().Be(5);
        failure.Message.Should().Contain("broken").And.Contain("WithValidation(false)");
    }

    [Fact]
    public async Task I_see_a_started_process_stopped_when_its_timeout_elapses()
    {
        await using var service = _runner.Start(new CommandSpec("sleep").WithArguments("300").WithTimeout(TimeSpan.FromMilliseconds(500)));

        var act = () => service.WaitForExitAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.Message.Should().Contain("timed out after 500ms");
        service.HasExited.Should().BeTrue();
    }

    [Fact]
    public async Task I_can_stop_a_process_twice_and_dispose_it_after_it_exited()
    {
        var service = _runner.Start(new CommandSpec("sleep").WithArguments("300"));

        await service.StopAsync();
        await service.StopAsync();
        await service.DisposeAsync();

        service.HasExited.Should().BeTrue();
        (await service.WaitForExitAsync(CancellationToken.None)).ExitCode.Should().Be(128 + 15);
    }
}
