using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Tollgate.TestSupport;

/// <summary>
/// A .NET program of the tests (a build program, a deploy driver) running as a child process the way a terminal runs
/// <c>./build.sh</c>: in a process group of its own (setsid), with SIGINT at its default disposition, without a CI
/// runner's variables (<see cref="CiRunnerVariables"/>), every line of its standard output and error collected. A test
/// waits for a line, sends SIGINT as Ctrl-C does, or sends SIGKILL to the whole group (no handler, no finally block,
/// nothing cleaned up); <see cref="Dispose"/> kills what a failed test left running.
/// </summary>
public sealed class ChildProgram : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;

    private ChildProgram(Process process) => _process = process;

    /// <summary>The lines printed so far (standard output and error, interleaved).</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Everything printed so far, one line a line.</summary>
    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProgram Start(string assembly, string workingDirectory, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        // setsid makes the program the leader of a new process group (the group id is its pid), so KillGroupAsync reaches
        // whatever it started too. Ctrl-C in a terminal reaches a foreground process whose SIGINT has its default
        // disposition; a test host started as a background job of a non-interactive shell inherits SIGINT as ignored (and
        // .NET keeps an inherited SIG_IGN), so the program starts through `env --default-signal=INT`. Both exec, so the
        // process started here is the program itself.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        CiRunnerVariables.RemoveFrom(start.Environment);
        foreach (var argument in new[] { "env", "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, assembly) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var child = new ChildProgram(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs the program to its end (failing the test unless it ends within <paramref name="timeout"/>); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string assembly, string workingDirectory, TimeSpan timeout, IEnumerable<string> arguments)
    {
        using var child = Start(assembly, workingDirectory, arguments);
        (await child.WaitForExitAsync(timeout)).Should().BeTrue($"{assembly} ends within {timeout}; its output so far:\n{child.Output}");
        return (child.ExitCode, child.Output);
    }

    /// <summary>True once a line containing <paramref name="text"/> was printed; false when the program ended or the time ran out first.</summary>
    public Task<bool> WaitForLineAsync(string text, TimeSpan timeout) => WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>True once a line matching <paramref name="matches"/> was printed; false when the program ended or the time ran out first.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_lines.Any(matches))
        {
            if (_process.HasExited || DateTime.UtcNow >= deadline)
            {
                return _lines.Any(matches);
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Whether the program ended within <paramref name="timeout"/> (its output is then complete).</summary>
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

    /// <summary>Sends SIGINT to the program, as Ctrl-C in a terminal does.</summary>
    public Task InterruptAsync() => SignalAsync("-INT", _process.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sends SIGKILL to the program's whole process group and waits until the program is gone.</summary>
    public async Task KillGroupAsync()
    {
        var pid = _process.Id.ToString(CultureInfo.InvariantCulture);
        var group = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        group.Should().Be(pid, "the program leads its own process group");
        await SignalAsync("-KILL", "-" + group);
        await _process.WaitForExitAsync();
    }

    /// <summary>Kills the program if a failed test left it running.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static async Task SignalAsync(string signal, string target)
    {
        using var kill = Process.Start("kill", [signal, "--", target]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0, $"kill {signal} {target} reaches the program");
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
