namespace Tollgate.Tests.TestSupport;

/// <summary>An <see cref="IBuildLog"/> that keeps every line in memory so tests can read what was logged. Thread-safe.</summary>
public sealed class CollectingLog : IBuildLog
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    /// <summary>Every entry written so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The messages written so far, in order.</summary>
    public IReadOnlyList<string> Messages => [.. Entries.Select(entry => entry.Message)];

    /// <summary>Everything written so far as one text, one entry per line.</summary>
    public string Text => string.Join('\n', Messages);

    /// <inheritdoc />
    public void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            _entries.Add((level, message));
        }
    }
}
