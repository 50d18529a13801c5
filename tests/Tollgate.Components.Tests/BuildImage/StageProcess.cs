using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// The stage's build program (tests/Tollgate.Components.TestBuild) running as a child process in a build root, as
/// `./build.sh` runs a repository's build: its own process, its terminal output, SIGINT as a terminal sends it.
/// </summary>
public sealed class StageProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private StageProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the build printed so far (standard output and error, interleaved).</summary>
    public string Output => string.Join('\n', _lines);

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the build program in <paramref name="root"/> with <paramref name="args"/>.</summary>
    public static StageProcess Start(string root, params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        // Ctrl-C in a terminal reaches a foreground process whose SIGINT has its default disposition; a test host started
        // as a background job of a non-interactive shell inherits SIGINT as ignored (and .NET keeps an inherited SIG_IGN),
        // so the build starts through `env --default-signal=INT`, where a terminal would put it.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        // The terminal host's output is read, and the revision comes from the test repository's git, not from a CI
        // runner's GITHUB_SHA/GITHUB_REF (the workflow proof's UnitTest job sets them).
        CiRunnerVariables.RemoveFrom(start.Environment);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "Tollgate.Components.TestBuild.dll") }.Concat(args).Append("--no-logo"))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the stage's build program.");
        var stage = new StageProcess(process);
        process.OutputDataReceived += (_, e) => stage._lines.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => stage._lines.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return stage;
    }

    /// <summary>Runs the build program to its end (at most <paramref name="timeout"/>); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string root, TimeSpan timeout, params string[] args)
    {
        using var stage = Start(root, args);
        (await stage.WaitForExitAsync(timeout)).Should().BeTrue($"the build ends within {timeout}; its output so far:\n{stage.Output}");
        return (stage.ExitCode, stage.Output);
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Whether the process ended within <paramref name="timeout"/> (its output is then complete).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the build if a failed test left it running.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
