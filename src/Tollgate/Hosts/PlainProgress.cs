using System.Globalization;

namespace Tollgate;

/// <summary>
/// A progress bar for logs that cannot redraw: it writes <c>Evaluating: 40/120</c> each time another tenth of the work
/// is done (so at most about ten lines), and the count reached when disposed before a tenth was written. Thread-safe.
/// </summary>
internal sealed class PlainProgress : IBuildProgress
{
    private readonly Action<string> _writeLine;
    private readonly Lock _gate = new();
    private int _done;
    private int _lastTenth;
    private int _lastWritten = -1;
    private string? _status;
    private bool _disposed;

    /// <summary>Creates a progress that reports through <paramref name="writeLine"/>.</summary>
    /// <param name="title">What is being counted, e.g. <c>Evaluating</c>.</param>
    /// <param name="total">How many steps make 100 %.</param>
    /// <param name="writeLine">Writes one line to the log.</param>
    public PlainProgress(string title, int total, Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(writeLine);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        Title = title;
        Total = total;
        _writeLine = writeLine;
    }

    /// <summary>What is being counted.</summary>
    public string Title { get; }

    /// <summary>How many steps make 100 %.</summary>
    public int Total { get; }

    /// <inheritdoc/>
    public void Increment(int count = 1, string? status = null)
    {
        string? line = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _done = Math.Min(_done + Math.Max(count, 0), Total);
            _status = status ?? _status;
            var tenth = Total == 0 ? 10 : _done * 10 / Total;
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                _lastWritten = _done;
                line = Format();
            }
        }

        if (line is not null)
        {
            _writeLine(line);
        }
    }

    /// <summary>Writes the final count unless it was the last line written.</summary>
    public void Dispose()
    {
        string? line = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_lastWritten != _done && _done > 0)
            {
                line = Format();
            }
        }

        if (line is not null)
        {
            _writeLine(line);
        }
    }

    private string Format()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Title}: {_done}/{Total}");
        return string.IsNullOrWhiteSpace(_status) ? text : $"{text} {_status}";
    }
}
