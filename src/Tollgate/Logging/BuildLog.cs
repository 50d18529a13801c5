namespace Tollgate;

/// <summary>
/// The build's log: masks secrets, filters by verbosity, splits messages into lines and tags every line with the target
/// that is running on the current async flow (see <see cref="BeginTarget"/>), then hands the lines to the host.
/// Thread-safe: the lines of one message reach the host together.
/// </summary>
public sealed class BuildLog : IBuildLog
{
    private static readonly string[] LineBreaks = ["\r\n", "\n", "\r"];

    private readonly IBuildHost _host;
    private readonly SecretMasker _masker;
    private readonly AsyncLocal<string?> _currentTarget = new();
    private readonly Lock _gate = new();

    /// <summary>Creates a log that writes to <paramref name="host"/>.</summary>
    /// <param name="host">Where the lines go.</param>
    /// <param name="masker">The secrets to mask; shared with whatever resolves parameters.</param>
    /// <param name="verbosity">Which levels reach the host.</param>
    public BuildLog(IBuildHost host, SecretMasker masker, Verbosity verbosity)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(masker);
        _host = host;
        _masker = masker;
        Verbosity = verbosity;
    }

    /// <summary>Which levels reach the host.</summary>
    public Verbosity Verbosity { get; }

    /// <inheritdoc/>
    public SecretMasker Masker => _masker;

    /// <summary>The target running on the current async flow, if any.</summary>
    public string? CurrentTarget => _currentTarget.Value;

    /// <summary>
    /// Marks the current async flow (and the tasks it starts) as running <paramref name="target"/> until the result is
    /// disposed; lines written meanwhile carry the target's name. Parallel targets each call this on their own flow.
    /// </summary>
    public IDisposable BeginTarget(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var previous = _currentTarget.Value;
        _currentTarget.Value = target;
        return new TargetScope(this, previous);
    }

    /// <summary>
    /// Writes a line of child-process output when the verbosity is verbose or the host folds output itself; otherwise the
    /// line stays in the process's output file and the runner's one-line summary stands in for it.
    /// </summary>
    public void WriteProcessOutput(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Verbosity == Verbosity.Verbose || (_host.ShowsProcessOutput && IsEnabled(LogLevel.Information)))
        {
            Write(LogLevel.Information, line);
        }
    }

    /// <summary>Whether lines of <paramref name="level"/> are written at this log's verbosity.</summary>
    public bool IsEnabled(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Information,
        _ => true,
    };

    /// <summary>Registers a secret with the masker and with the host, so neither this log nor the host shows it.</summary>
    public void RegisterSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        _masker.Add(secret);
        _host.RegisterSecret(secret);
    }

    /// <inheritdoc/>
    public void Write(LogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsEnabled(level))
        {
            return;
        }

        // Masking the whole message first also catches a secret that spans a line break.
        var lines = _masker.Apply(message).Split(LineBreaks, StringSplitOptions.None);
        var count = lines.Length;
        if (count > 1 && lines[^1].Length == 0)
        {
            count--; // a trailing newline ends the last line; it does not start an empty one
        }

        var target = _currentTarget.Value;
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _host.WriteLine(level, target, lines[i]);
            }
        }
    }

    /// <summary>Writes a debug line (shown with <c>--verbosity verbose</c>).</summary>
    public void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>Writes an information line.</summary>
    public void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes a warning line.</summary>
    public void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>Writes an error line.</summary>
    public void Error(string message) => Write(LogLevel.Error, message);

    /// <summary>Reports a diagnostic (masked) unless its severity is below the verbosity.</summary>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!IsEnabled(diagnostic.Severity))
        {
            return;
        }

        var masked = diagnostic with
        {
            Message = _masker.Apply(diagnostic.Message),
            File = diagnostic.File is null ? null : _masker.Apply(diagnostic.File),
        };
        lock (_gate)
        {
            _host.ReportDiagnostic(masked);
        }
    }

    private sealed class TargetScope(BuildLog log, string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            log._currentTarget.Value = previous;
        }
    }
}
