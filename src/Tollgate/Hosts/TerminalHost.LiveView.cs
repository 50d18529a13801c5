using System.Globalization;
using System.Text;

namespace Tollgate;

/// <content>The live status line: running targets with their elapsed time and active progress bars.</content>
public sealed partial class TerminalHost
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private const int BarCells = 10;

    private readonly List<RunningTarget> _running = [];
    private readonly List<LiveProgress> _progress = [];
    private bool _statusShown;
    private bool _disposed;
    private long _lastDraw;
    private ITimer? _timer;

    /// <inheritdoc/>
    public IBuildProgress StartProgress(string title, int total)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (!Options.Interactive)
        {
            var target = CurrentTarget();
            return new PlainProgress(_masker.Apply(title), total, line => WriteLine(LogLevel.Information, target, line));
        }

        var progress = new LiveProgress(this, _masker.Apply(title), Math.Max(total, 0), CurrentTarget());
        lock (_gate)
        {
            _progress.Add(progress);
            EraseStatusLocked();
            DrawStatusLocked();
        }

        return progress;
    }

    private string? CurrentTarget()
    {
        lock (_gate)
        {
            var flow = _flowTarget.Value;
            return flow is not null && _running.Exists(r => r.Name == flow) ? flow
                : _running.Count == 1 ? _running[0].Name : null;
        }
    }

    private bool StatusWanted => Options.Interactive && !_disposed && (_running.Count > 1 || _progress.Count > 0);

    private void EraseStatusLocked()
    {
        if (_statusShown)
        {
            _output.Write(Ansi.EraseLine);
            _statusShown = false;
        }
    }

    private void DrawStatusLocked()
    {
        if (!StatusWanted)
        {
            StopTimerLocked();
            return;
        }

        var text = StatusText();
        var limit = Math.Max(Options.Width - 1, 10);
        if (text.Length > limit)
        {
            // A status line that wraps cannot be erased with one ESC[2K.
            text = text[..(limit - 1)] + "…";
        }

        _output.Write(Ansi.Paint(text, Ansi.Dim, Colors));
        _output.Flush();
        _statusShown = true;
        _lastDraw = _time.GetTimestamp();
        _timer ??= _time.CreateTimer(_ => Refresh(force: true), null, RefreshInterval, RefreshInterval);
    }

    private void StopTimerLocked()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Refresh(bool force)
    {
        lock (_gate)
        {
            if (!_statusShown && !StatusWanted)
            {
                return;
            }

            if (!force && _time.GetElapsedTime(_lastDraw) < RefreshInterval / 2)
            {
                return; // the timer draws it soon; redrawing on every increment would flood the terminal
            }

            EraseStatusLocked();
            DrawStatusLocked();
        }
    }

    private string StatusText()
    {
        var parts = new List<string>();
        if (_running.Count > 1)
        {
            parts.Add("Running: " + string.Join(" · ", _running.Select(r =>
                r.Name + " " + DurationText.Format(_time.GetElapsedTime(r.Started)))));
        }

        parts.AddRange(_progress.Select(p => p.Describe()));
        return string.Join("  |  ", parts);
    }

    private void RemoveProgress(LiveProgress progress, string? target, string finalLine)
    {
        lock (_gate)
        {
            _progress.Remove(progress);
        }

        WriteLine(LogLevel.Information, target, finalLine); // the status line is redrawn without it
    }

    private readonly record struct RunningTarget(string Name, long Started);

    private sealed class LiveProgress(TerminalHost host, string title, int total, string? target) : IBuildProgress
    {
        private int _done;
        private string? _status;
        private int _disposed;

        public void Increment(int count = 1, string? status = null)
        {
            lock (host._gate)
            {
                _done = Math.Min(_done + Math.Max(count, 0), total);
                _status = status is null ? _status : host._masker.Apply(status);
            }

            host.Refresh(force: false);
        }

        public string Describe()
        {
            var filled = total == 0 ? BarCells : _done * BarCells / total;
            var bar = new StringBuilder().Append('▓', filled).Append('░', BarCells - filled);
            var text = string.Create(CultureInfo.InvariantCulture, $"{title} {_done}/{total} {bar}");
            return string.IsNullOrWhiteSpace(_status) ? text : $"{text} {_status}";
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            string line;
            lock (host._gate)
            {
                line = string.Create(CultureInfo.InvariantCulture, $"{title}: {_done}/{total}");
                line = string.IsNullOrWhiteSpace(_status) ? line : $"{line} {_status}";
            }

            host.RemoveProgress(this, target, line);
        }
    }
}
