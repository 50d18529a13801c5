using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// The test assembly started as a build program (Program.cs, verb <c>deploy-staging-build</c>) in a process group of
/// its own (setsid), on the terminal host (the CI runner's variables removed), with every output line collected, so a
/// test can wait for a log line and SIGKILL the whole group: the pipeline dies with no finally block or cleanup.
/// </summary>
internal sealed class BuildProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;

    private BuildProcess(Process process) => _process = process;

    public IReadOnlyCollection<string> Lines => _lines;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static BuildProcess Start(string root, params string[] args)
    {
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        // The build runs on the terminal host, as ./build.sh on a developer's machine: a CI runner's variables would switch it.
        CiRunnerVariables.RemoveFrom(start.Environment);
        foreach (var argument in new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "Tollgate.Components.Tests.dll"), "deploy-staging-build" }.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var build = new BuildProcess(process);
        process.OutputDataReceived += (_, e) => build._lines.Enqueue(e.Data ?? string.Empty);
        process.ErrorDataReceived += (_, e) => build._lines.Enqueue(e.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return build;
    }

    /// <summary>True once a line containing <paramref name="text"/> was written; false when the build exited or the time ran out first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Waits for the build to end (killing its group after <paramref name="timeout"/>) and for its output to be read.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await KillGroupAsync();
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the build's whole process group (setsid made the build its leader: group id = its pid).</summary>
    public async Task KillGroupAsync()
    {
        var group = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        group.Should().Be(_process.Id.ToString(CultureInfo.InvariantCulture), "the build leads its own process group");
        using var kill = Process.Start("kill", ["-KILL", "--", "-" + group]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
