using System.Diagnostics;

namespace Tollgate.GitHubActions.Harness;

/// <summary>Runs a process for a job, writing its output lines to the job's log; the whole tree is killed on cancellation.</summary>
internal sealed class ProcessRunner(JobLog log)
{
    public async Task<int> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the runner would have: nothing of the harness's own environment leaks into the job.
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Line(e.Data);
        process.ErrorDataReceived += (_, e) => log.Line(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // WaitForExitAsync returns after the output streams closed, so every line is in the log.
        return process.ExitCode;
    }

    /// <summary>Runs git and fails with its output when it exits non-zero.</summary>
    public async Task GitAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] arguments)
    {
        var exitCode = await RunAsync("git", arguments, workingDirectory, environment, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new TollgateException($"git {string.Join(' ', arguments)} exited with {exitCode} in {workingDirectory} (its output is in {log.Path}).");
        }
    }
}

/// <summary>A job's log file, echoed to the harness's output with the job as prefix.</summary>
internal sealed class JobLog(string path, string job, TextWriter? echo) : IDisposable
{
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private readonly Lock _gate = new();

    public string Path => path;

    public void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _writer.WriteLine(line);
            echo?.WriteLine($"[{job}] {line}");
        }
    }

    public void Dispose() => _writer.Dispose();
}
