namespace Tollgate;

/// <summary>A started long-running child process. Disposing stops it and its children.</summary>
public interface IRunningProcess : IAsyncDisposable
{
    /// <summary>The process id.</summary>
    int ProcessId { get; }

    /// <summary>Whether the process has exited.</summary>
    bool HasExited { get; }

    /// <summary>
    /// Waits for a line of output (stdout or stderr) that matches, e.g. "Now listening on". Lines printed before the call
    /// count too; each match moves past its line, so a second call finds the next matching line.
    /// </summary>
    /// <exception cref="ProcessException">The process exited first, or <paramref name="timeout"/> elapsed (the process keeps running).</exception>
    Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the exit and returns the result (validation as in <see cref="IProcessRunner.RunAsync"/>, except that a
    /// process stopped with <see cref="StopAsync"/> is not a failure). Cancelling stops the waiting, not the process.
    /// </summary>
    Task<ProcessResult> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Stops the process: SIGTERM, then after the grace period kills the whole tree.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}
