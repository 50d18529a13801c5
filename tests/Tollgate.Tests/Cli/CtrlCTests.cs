using System.Diagnostics;
using Tollgate.Tests.Processes;
using Tollgate.TestSupport;

namespace Tollgate.Tests.Cli;

public sealed class CtrlCTests : IDisposable
{
    private readonly TempDirectory _root = new("tollgate-ctrlc");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Ctrl_C_stops_a_real_build_kills_its_child_process_tree_and_still_runs_assured_targets()
    {
        Directory.CreateDirectory(_root[".nuke"]);
        var marker = _root["m"];
        // A terminal's Ctrl-C, on the build started as a terminal starts it (see ChildProgram); the test reads the terminal
        // host's output.
        using var build = ChildProgram.Start("Tollgate.TestBuild.dll", _root.Path, ["--marker", marker, "--no-logo", "--verbosity", "verbose"]);

        (await build.WaitForLineAsync(l => l.EndsWith("│ started", StringComparison.Ordinal), TimeSpan.FromSeconds(60)))
            .Should().BeTrue("the Work target starts its processes; output so far: " + build.Output);
        var pids = ProcessProbe.ReadIds(marker + ".pids");
        pids.Should().HaveCount(3);

        await build.InterruptAsync();

        // WaitForExitAsync also waits for the end of both streams, so the output is complete once it returns true.
        var exited = await build.WaitForExitAsync(TimeSpan.FromSeconds(120));
        var text = build.Output;
        if (!exited)
        {
            foreach (var pid in pids.Where(ProcessProbe.IsRunning))
            {
                try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
        }

        exited.Should().BeTrue("the build stops within 120 s of SIGINT; its output was:\n" + text);
        build.ExitCode.Should().Be(1, text);
        text.Should().Contain("Build failed").And.Contain("Aborted");
        File.Exists(marker + ".cleanup").Should().BeTrue("Cleanup is assured after failure or cancellation");
        (await Eventually.HoldsAsync(() => pids.All(pid => !ProcessProbe.IsRunning(pid)))).Should().BeTrue("every process of the tree is stopped");
    }
}
