namespace Tollgate;

/// <summary>Runs child processes: streamed, masked, cancellable, with their whole tree stopped on cancellation.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs a command to completion. Cancellation sends SIGTERM (graceful), then kills the process tree after the grace
    /// period, and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ProcessException">The exit code was not zero and <see cref="CommandSpec.ValidateExitCode"/> is set, or the timeout elapsed.</exception>
    /// <exception cref="ToolNotFoundException">The tool was not found on PATH or in .nuke/temp/tools.</exception>
    Task<ProcessResult> RunAsync(CommandSpec command, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a long-running process (a service used around a target) and returns at once. Dispose it to stop it
    /// (gracefully, then kill the tree).
    /// </summary>
    IRunningProcess Start(CommandSpec command);
}
