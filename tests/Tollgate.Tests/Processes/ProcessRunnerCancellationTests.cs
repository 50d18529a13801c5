using Tollgate.Tests.TestSupport;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class ProcessRunnerCancellationTests : IDisposable
{
    private readonly TempDirectory _temp = new("tollgate-process-tests");
    private readonly CollectingLog _log = new();
    private readonly ProcessRunner _runner;

    public ProcessRunnerCancellationTests() => _runner = new ProcessRunner(_log, new SecretMasker(), new ToolLocator(toolsDirectory: null));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task I_can_cancel_a_command_and_its_whole_process_tree_is_gone()
    {
        var pids = _temp["pids"];
        const string Script = """
            echo $$ >> "$0"
            sleep 300 &
            echo $! >> "$0"
            bash -c 'sleep 300 & echo $! >> "$0"; sleep 300 & echo $! >> "$0"; echo $$ >> "$0"; wait' "$0" &
            wait
            """;
        using var cancellation = new CancellationTokenSource();
        var run = _runner.RunAsync(new CommandSpec("bash").WithArguments("-c", Script, pids), cancellation.Token);

        (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 5)).Should().BeTrue("the script records five processes");
        var tree = ProcessProbe.ReadIds(pids);
        tree.Should().OnlyContain(pid => ProcessProbe.IsRunning(pid));
        await cancellation.CancelAsync();

        var act = () => run;
        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cancellation.Token);
        (await Eventually.HoldsAsync(() => !tree.Any(ProcessProbe.IsRunning))).Should().BeTrue(
            "every process of the tree is stopped; still running: {0}", string.Join(", ", tree.Where(ProcessProbe.IsRunning)));
    }

    [Fact]
    public async Task I_can_cancel_a_command_whose_grandchild_ignores_SIGTERM_and_outlives_its_parent()
    {
        var pids = _temp["pids"];
        // The subshell ignores TERM and execs sleep, which inherits the ignored signal; the parent dies on TERM, so the
        // sleep is re-parented away from the tree before the kill and only the remembered descendants can reach it.
        const string Script = """
            ( trap '' TERM; exec sleep 300 ) &
            echo $! >> "$0"
            wait
            """;
        using var cancellation = new CancellationTokenSource();
        var run = _runner.RunAsync(
            new CommandSpec("bash").WithArguments("-c", Script, pids) with { GracePeriod = TimeSpan.FromMilliseconds(500) },
            cancellation.Token);

        (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 1)).Should().BeTrue();
        var grandchild = ProcessProbe.ReadIds(pids)[0];
        await cancellation.CancelAsync();

        var act = () => run;
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Eventually.HoldsAsync(() => !ProcessProbe.IsRunning(grandchild))).Should().BeTrue("the re-parented grandchild was killed");
    }

    [Fact]
    public async Task I_can_cancel_a_command_whose_SIGTERM_trap_starts_a_new_child_and_exits()
    {
        var pids = _temp["pids"];
        // The child started by the trap is born after the first look at the tree and is orphaned at once when its
        // parent exits; only the family marker in its environment still ties it to the command.
        const string Script = """
            trap 'sleep 300 & echo $! >> "$0"; exit 0' TERM
            sleep 300 &
            echo $! >> "$0"
            wait
            """;
        using var cancellation = new CancellationTokenSource();
        var run = _runner.RunAsync(new CommandSpec("bash").WithArguments("-c", Script, pids), cancellation.Token);
        (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 1)).Should().BeTrue();

        await cancellation.CancelAsync();

        var act = () => run;
        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Eventually.HoldsAsync(() => ProcessProbe.ReadIds(pids).Count == 2)).Should().BeTrue("the trap ran and started a child");
        var all = ProcessProbe.ReadIds(pids);
        (await Eventually.HoldsAsync(() => !all.Any(ProcessProbe.IsRunning))).Should().BeTrue(
            "the child started by the trap is stopped too; still running: {0}", string.Join(", ", all.Where(ProcessProbe.IsRunning)));
    }

    [Fact]
    public async Task I_see_a_process_that_traps_SIGTERM_clean_up_when_I_cancel()
    {
        var marker = _temp["cleaned-up"];
        var ready = _temp["ready"];
        const string Script = """
            trap 'echo cleaned > "$0"; exit 0' TERM
            touch "$1"
            sleep 300 &
            wait $!
            """;
        using var cancellation = new CancellationTokenSource();
        var run = _runner.RunAsync(
            new CommandSpec("bash").WithArguments("-c", Script, marker, ready) with { GracePeriod = TimeSpan.FromSeconds(30) },
            cancellation.Token);

        (await Eventually.HoldsAsync(() => File.Exists(ready))).Should().BeTrue();
        await cancellation.CancelAsync();

        var act = () => run;
        await act.Should().ThrowAsync<OperationCanceledException>();
        File.Exists(marker).Should().BeTrue("the trap ran before the process was stopped");
        (await File.ReadAllTextAsync(marker)).Should().Be("cleaned\n");
    }

    [Fact]
    public async Task I_can_cancel_before_the_command_starts()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => _runner.RunAsync(new CommandSpec("bash").WithArguments("-c", "touch \"$0\"", _temp["ran"]), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        File.Exists(_temp["ran"]).Should().BeFalse();
    }

    [Fact]
    public async Task I_get_the_result_of_a_command_that_leaves_a_background_process_holding_its_output_open()
    {
        var pids = _temp["pids"];
        var command = new CommandSpec("bash").WithArguments("-c", "sleep 300 & echo $! >> \"$0\"; echo done", pids).WithCapture();

        try
        {
            var result = await _runner.RunAsync(command, CancellationToken.None);

            result.ExitCode.Should().Be(0);
            result.StandardOutput.Should().Be("done");
        }
        finally
        {
            foreach (var pid in ProcessProbe.ReadIds(pids))
            {
                using var leftover = System.Diagnostics.Process.GetProcessById(pid);
                leftover.Kill();
            }
        }
    }
}
