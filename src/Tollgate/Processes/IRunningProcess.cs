namespace Tollgate;

/// <summary>A started long-running child process. Disposing stops it and its children.</summary>
public interface IRunningProcess : IAsyncDisposable
{
    /// <summary>The process id.</summary>
    int ProcessId { get; }

    /// <summary>Whether the process has exited.</summary>
    bool HasExited { get; }

    /// <summary>Waits for a line of output (stdout or stderr) that matches, e.g. "Now listening on".</summary>
    /// <exception cref="ProcessException">The process exited first.</exception>
    Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Waits for the exit and returns the result (validation as in <see cref="IProcessRunner.RunAsync"/>).</summary>
    Task<ProcessResult> WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Stops the process: SIGTERM, then after the grace period kills the whole tree.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}
