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
        var assembly = Path.Combine(AppContext.BaseDirectory, "Tollgate.TestBuild.dll");
        // Ctrl-C in a terminal reaches a foreground process whose SIGINT has its default disposition. A test host started
        // as a background job of a non-interactive shell inherits SIGINT as ignored, and .NET keeps an inherited
        // SIG_IGN, so the build is started through `env --default-signal=INT` to stand where a terminal would put it.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root.Path };
        // The test reads the terminal host's output: a CI runner's variables (GITHUB_ACTIONS, as in the workflow proof's
        // UnitTest job) would switch the build to the GitHub host.
        CiRunnerVariables.RemoveFrom(start.Environment);

        foreach (var argument in new[] { "--default-signal=INT", "dotnet", assembly, "--marker", marker, "--no-logo", "--verbosity", "verbose" })
        {
            start.ArgumentList.Add(argument);
        }

        using var build = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        build.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        build.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();

        (await Eventually.HoldsAsync(() => output.Any(l => l.EndsWith("│ started", StringComparison.Ordinal)), TimeSpan.FromSeconds(60)))
            .Should().BeTrue("the Work target starts its processes; output so far: " + string.Join('\n', output));
        var pids = ProcessProbe.ReadIds(marker + ".pids");
        pids.Should().HaveCount(3);

        using (var kill = Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var exited = await Eventually.HoldsAsync(() => build.HasExited, TimeSpan.FromSeconds(120));
        var text = string.Join('\n', output);
        if (!exited)
        {
            build.Kill(entireProcessTree: true);
            foreach (var pid in pids.Where(ProcessProbe.IsRunning))
            {
                try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
        }

        exited.Should().BeTrue("the build stops within 120 s of SIGINT; its output was:\n" + text);
        // HasExited can turn true before the last lines were read; WaitForExitAsync also waits for the end of both streams.
        await build.WaitForExitAsync();
        text = string.Join('\n', output);

        build.ExitCode.Should().Be(1, text);
        text.Should().Contain("Build failed").And.Contain("Aborted");
        File.Exists(marker + ".cleanup").Should().BeTrue("Cleanup is assured after failure or cancellation");
        (await Eventually.HoldsAsync(() => pids.All(pid => !ProcessProbe.IsRunning(pid)))).Should().BeTrue("every process of the tree is stopped");
    }
}
