using CliWrap;

namespace Tollgate;

/// <summary>The output: CliWrap pipes each stream into a line reader; lines go to the log, capture, tails and handlers.</summary>
internal sealed partial class ChildProcess
{
    // Waits until CliWrap has finished piping; when a descendant still holds the output open after the process exited and
    // nothing arrives for the quiet period, the rest of the output is abandoned. Returns the exit code.
    private async Task<int> DrainOutputAsync()
    {
        var execution = _execution ?? throw new InvalidOperationException("The process was not started.");
        while (!execution.IsCompleted)
        {
            var before = Interlocked.Read(ref _linesRead);
            await Task.WhenAny(execution, Task.Delay(QuietPeriodAfterExit)).ConfigureAwait(false);
            if (!execution.IsCompleted && Interlocked.Read(ref _linesRead) == before)
            {
                lock (_gate)
                {
                    _detached = true;
                }

                _log.Debug($"{MaskedCommandLine} exited, but a process it started still holds its output open; later output is not shown.");
                await _detach.CancelAsync().ConfigureAwait(false);
            }
        }

        return (await execution.ConfigureAwait(false)).ExitCode;
    }

    private void OnLine(string line, ProcessOutputSource source)
    {
        var isError = source == ProcessOutputSource.StandardError;
        Interlocked.Increment(ref _linesRead);
        lock (_gate)
        {
            if (_detached)
            {
                return;
            }

            (isError ? _standardError : _standardOutput)?.Add(line);
        }

        (isError ? ErrorTail : OutputTail).Add(line);
        if (Command.LogOutput)
        {
            // Many tools write progress to stderr, so stderr is not an error by itself; the exit code decides.
            var masked = _masker.Apply(line);
            OutputLog?.Add(masked, isError);
            _log.WriteProcessOutput(masked);
        }

        _onLine?.Invoke(line);
        CallHandlers(new ProcessOutputLine(line, source));
    }

    private void CallHandlers(ProcessOutputLine line)
    {
        if (Command.OutputHandlers.IsEmpty || HandlerFailure is not null)
        {
            return;
        }

        try
        {
            foreach (var handler in Command.OutputHandlers)
            {
                handler(line);
            }
        }
#pragma warning disable CA1031 // A handler's exception is kept and rethrown (wrapped) once the process has exited.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _handlerFailure ??= exception;
            }
        }
    }

    /// <summary>Reads one stream line by line (UTF-8) until it ends or the output is abandoned.</summary>
    private sealed class LinePipeTarget(ChildProcess owner, ProcessOutputSource source, CancellationToken detached) : PipeTarget
    {
        public override async Task CopyFromAsync(Stream origin, CancellationToken cancellationToken = default)
        {
            using var reader = new StreamReader(origin, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            try
            {
                while (await reader.ReadLineAsync(cancellationToken).AsTask().WaitAsync(detached).ConfigureAwait(false) is { } line)
                {
                    owner.OnLine(line, source);
                }
            }
            catch (OperationCanceledException) when (detached.IsCancellationRequested)
            {
                // Abandoned: the process exited and a descendant keeps the pipe open.
            }
            catch (IOException)
            {
                // The pipe broke because the process was killed; what was read has been handled.
            }
            catch (ObjectDisposedException)
            {
                // Disposed while a descendant still held the pipe open.
            }
        }
    }
}
