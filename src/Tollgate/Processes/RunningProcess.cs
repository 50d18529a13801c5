namespace Tollgate;

/// <summary>
/// A long-running child process (a service around a target). Output is streamed like
/// <see cref="IProcessRunner.RunAsync"/>; the recent lines are also kept so <see cref="WaitForOutputAsync"/> sees a line
/// printed before it was called. Each match moves a cursor, so successive waits find successive lines.
/// </summary>
internal sealed class RunningProcess : IRunningProcess
{
    private const int RetainedLines = 10_000;

    private readonly SecretMasker _masker;
    private readonly ChildProcess _child;
    private readonly Task<ProcessResult> _exit;
    private readonly CancellationTokenSource? _timeout;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private long _firstLineNumber;
    private long _cursor;
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _stop;
    private bool _stoppedOnRequest;
    private bool _timedOut;

    internal RunningProcess(CommandSpec command, string executable, IBuildLog log, SecretMasker masker, string? outputLogDirectory = null, int number = 0)
    {
        _masker = masker;
        _child = ChildProcess.Start(command, executable, log, masker, OnLine, outputLogDirectory, number);
        _exit = _child.WaitForExitAsync(CancellationToken.None);
        if (command.Timeout is { } limit)
        {
            _timeout = new CancellationTokenSource(limit);
            _timeout.Token.Register(() => _ = StopCoreAsync(timedOut: true));
        }
    }

    /// <inheritdoc />
    public int ProcessId => _child.Id;

    /// <inheritdoc />
    public bool HasExited => _child.HasExited;

    /// <inheritdoc />
    public async Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = new CancellationTokenSource(timeout);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            Task lineAdded;
            bool exited;
            lock (_gate)
            {
                exited = _exit.IsCompleted;
                _cursor = Math.Max(_cursor, _firstLineNumber);
                while (_cursor < _firstLineNumber + _lines.Count)
                {
                    var line = _lines[(int)(_cursor - _firstLineNumber)];
                    _cursor++;
                    if (predicate(line))
                    {
                        return line;
                    }
                }

                lineAdded = _lineAdded.Task;
            }

            if (exited)
            {
                // Every line was read before the exit task completed, and all of them have been examined.
                throw ProcessFailures.ExitedBeforeOutput(_child, _masker, (await _exit.ConfigureAwait(false)).ExitCode);
            }

            try
            {
                await Task.WhenAny(lineAdded, _exit).WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw ProcessFailures.OutputTimedOut(_child, _masker, timeout);
            }
        }
    }

    /// <inheritdoc />
    public async Task<ProcessResult> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var result = await _exit.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task? stop;
        lock (_gate)
        {
            stop = _stop;
        }

        if (stop is not null)
        {
            await stop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            if (_timedOut)
            {
                throw ProcessFailures.TimedOut(_child, _masker, _child.Command.Timeout ?? TimeSpan.Zero);
            }

            if (_child.HandlerFailure is { } failure)
            {
                throw ProcessFailures.HandlerFailed(_child, failure);
            }

            // A process stopped on request exits with the signal's code; that is what was asked for, not a failure.
            if (_stoppedOnRequest || !_child.Command.ValidateExitCode || result.ExitCode == 0)
            {
                return result;
            }
        }

        throw ProcessFailures.ExitCode(_child, _masker, result.ExitCode);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        StopCoreAsync(timedOut: false).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _timeout?.Dispose();
        _child.Dispose();
    }

    private Task StopCoreAsync(bool timedOut)
    {
        lock (_gate)
        {
            if (_stop is null)
            {
                var running = !_child.HasExited;
                _stoppedOnRequest = running && !timedOut;
                _timedOut = running && timedOut;
                _stop = _child.StopAsync(_child.Command.GracePeriod);
            }

            return _stop;
        }
    }

    private void OnLine(string line)
    {
        TaskCompletionSource lineAdded;
        lock (_gate)
        {
            _lines.Add(line);
            if (_lines.Count > RetainedLines)
            {
                var dropped = _lines.Count - RetainedLines;
                _lines.RemoveRange(0, dropped);
                _firstLineNumber += dropped;
            }

            lineAdded = _lineAdded;
            _lineAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        lineAdded.TrySetResult();
    }
}
