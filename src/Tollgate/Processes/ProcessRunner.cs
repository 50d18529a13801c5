namespace Tollgate;

/// <summary>
/// Runs child processes without a shell: the tool is looked up with a <see cref="ToolLocator"/>, arguments are passed
/// one by one, every output line is masked and handed to <see cref="IBuildLog.WriteProcessOutput"/> as it arrives
/// (stdout and stderr alike: many tools write progress to stderr, so the exit code decides failure), and cancellation or
/// a timeout stops the whole process tree (SIGTERM, the grace period, then kill).
/// </summary>
/// <remarks>
/// Captured output (<see cref="CommandSpec.CaptureOutput"/>) is kept unmasked in memory for parsing; its lines are joined
/// with <c>\n</c>, without a trailing newline. Standard input is always redirected and closed after
/// <see cref="CommandSpec.StandardInput"/> (if any) is written, so a tool never waits for a keyboard.
/// </remarks>
/// <param name="log">Where output lines and the debug line naming each command go.</param>
/// <param name="masker">Masks secrets in output lines, command lines and error messages.</param>
/// <param name="tools">Finds the executables.</param>
/// <param name="outputLogDirectory">
/// Where each command's full output is kept (<c>&lt;target&gt;.&lt;n&gt;.&lt;tool&gt;.log</c>; the build uses <c>.nuke/temp/logs</c>):
/// a successful command then shows as one line naming its file, and a failure points to it. None when null.
/// </param>
public sealed class ProcessRunner(IBuildLog log, SecretMasker masker, ToolLocator tools, string? outputLogDirectory = null) : IProcessRunner
{
    private const int MaxCommandLength = 100;
    private int _commands;

    /// <inheritdoc />
    public async Task<ProcessResult> RunAsync(CommandSpec command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        cancellationToken.ThrowIfCancellationRequested();
        var executable = tools.Find(command.FileName);
        using var child = ChildProcess.Start(command, executable, log, masker, outputLogDirectory: outputLogDirectory, number: Interlocked.Increment(ref _commands));
        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        ProcessResult result;
        try
        {
            result = await child.WaitForExitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.Debug($"Stopping {child.MaskedCommandLine} (process {child.Id}) and the processes it started.");
            await child.StopAsync(command.GracePeriod).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw ProcessFailures.TimedOut(child, masker, command.Timeout ?? TimeSpan.Zero);
        }

        log.Debug($"{child.MaskedCommandLine} exited with code {result.ExitCode} after {DurationText.Format(result.Duration)}.");
        if (child.HandlerFailure is { } failure)
        {
            throw ProcessFailures.HandlerFailed(child, failure);
        }

        child.OutputLog?.Complete($"exited with code {result.ExitCode} after {DurationText.Format(result.Duration)}");
        if (command.ValidateExitCode && result.ExitCode != 0)
        {
            throw ProcessFailures.ExitCode(child, masker, result.ExitCode);
        }

        if (command.LogOutput)
        {
            log.Information(Collapsed(child, result));
        }

        return result;
    }

    /// <inheritdoc />
    public IRunningProcess Start(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new RunningProcess(command, tools.Find(command.FileName), log, masker, outputLogDirectory, Interlocked.Increment(ref _commands));
    }

    // One line for a finished command: what ran, how it ended, and where its output is (the terminal leaves it out).
    // A non-zero exit the caller chose to accept (ValidateExitCode off) is not a success: it gets its own mark with the
    // code in front, so a reader scanning for ✔ does not take it for one.
    private static string Collapsed(ChildProcess child, ProcessResult result)
    {
        var commandLine = child.MaskedCommandLine;
        commandLine = commandLine.Length <= MaxCommandLength ? commandLine : string.Concat(commandLine.AsSpan(0, MaxCommandLength - 1), "…");
        var mark = result.ExitCode == 0 ? "✔" : $"⚠ exit {result.ExitCode}:";
        var lines = child.LinesRead;
        var output = lines == 0 ? "no output"
            : child.OutputLog is { } file ? $"{lines} line(s) of output in {file.DisplayPath()}"
            : $"{lines} line(s) of output";
        return $"{mark} {commandLine} ({DurationText.Format(result.Duration)}, {output})";
    }
}
