namespace Tollgate;

/// <summary>The streams: output pumped line by line to the log, capture, tails and listener; input written and closed.</summary>
internal sealed partial class ChildProcess
{
    private async Task DrainOutputAsync()
    {
        while (!_pumps.IsCompleted)
        {
            var before = Interlocked.Read(ref _linesRead);
            await Task.WhenAny(_pumps, Task.Delay(QuietPeriodAfterExit)).ConfigureAwait(false);
            if (!_pumps.IsCompleted && Interlocked.Read(ref _linesRead) == before)
            {
                lock (_gate)
                {
                    _detached = true;
                }

                _log.Debug($"{MaskedCommandLine} exited, but a process it started still holds its output open; later output is not shown.");
                return;
            }
        }
    }

    private async Task PumpAsync(StreamReader reader, bool isError)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                Interlocked.Increment(ref _linesRead);
                OnLine(line, isError);
            }
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

    private void OnLine(string line, bool isError)
    {
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
            _log.Write(LogLevel.Information, _masker.Apply(line));
        }

        _onLine?.Invoke(line);
    }

    private async Task WriteInputAsync(string? input)
    {
        var writer = _process.StandardInput;
        try
        {
            if (input is not null)
            {
                await writer.WriteAsync(input).ConfigureAwait(false);
                await writer.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The process exited (or closed its input) without reading everything; its exit code tells the story.
        }
        catch (ObjectDisposedException)
        {
            // The run ended and the process was disposed before the input was written.
        }
        finally
        {
            try
            {
                writer.Close();
            }
            catch (IOException)
            {
                // Same: the reading end is already gone.
            }
            catch (ObjectDisposedException)
            {
                // Same: already disposed with the process.
            }
        }
    }
}
