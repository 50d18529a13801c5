using System.Globalization;
using Spectre.Console;

namespace Tollgate;

/// <content>
/// The live view of an interactive terminal: a Spectre.Console progress display below the log, one row per running
/// target (spinner, name, elapsed time) and one per progress bar a stage started. Log lines go through the same Spectre
/// console, whose render hook keeps the live rows below them. Redirected output has no live view (plain lines instead).
/// </content>
internal sealed partial class TerminalHost
{
    private readonly Dictionary<string, ProgressTask> _targetRows = new(StringComparer.Ordinal);
    private readonly List<RunningTarget> _running = [];
    private ProgressContext? _live;
    private TaskCompletionSource? _liveEnds;
    private Task? _liveTask;
    private bool _disposed;

    /// <inheritdoc/>
    public IBuildProgress StartProgress(string title, int total)
    {
        ArgumentNullException.ThrowIfNull(title);
        var target = CurrentTarget();
        if (!Options.Interactive)
        {
            return new PlainProgress(_masker.Apply(title), total, line => WriteLine(LogLevel.Information, target, line));
        }

        lock (_gate)
        {
            var live = StartLiveLocked();
            var row = live?.AddTask(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{_masker.Apply(title)} 0/{total}")), maxValue: Math.Max(total, 1));
            live?.Refresh();
            return new LiveProgress(this, _masker.Apply(title), Math.Max(total, 0), target, row);
        }
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

    private void AddTargetRowLocked(string target)
    {
        if (StartLiveLocked() is not { } live)
        {
            return;
        }

        var row = live.AddTask(Markup.Escape(target)).IsIndeterminate();
        _targetRows[target] = row;
        live.Refresh();
    }

    private void RemoveTargetRowLocked(string target)
    {
        if (_targetRows.Remove(target, out var row))
        {
            row.StopTask();
            _live?.Refresh();
        }
    }

    // Starts the Spectre progress display on first use (interactive terminals only); it runs until the summary or Dispose.
    private ProgressContext? StartLiveLocked()
    {
        if (!Options.Interactive || _disposed)
        {
            return null;
        }

        if (_live is not null)
        {
            return _live;
        }

        var started = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = _console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn());
        _liveTask = Task.Run(() => progress.StartAsync(async context =>
        {
            started.TrySetResult(context);
            await ends.Task.ConfigureAwait(false);
        }));
        _liveEnds = ends;
        _live = started.Task.GetAwaiter().GetResult();
        return _live;
    }

    // Ends the live view and waits until Spectre has cleared it, so what follows starts on a clean line.
    private void StopLiveLocked()
    {
        if (_liveEnds is null)
        {
            return;
        }

        _liveEnds.TrySetResult();
        _liveTask?.GetAwaiter().GetResult();
        _targetRows.Clear();
        _live = null;
        _liveEnds = null;
        _liveTask = null;
    }

    // Writes a line above the live view: Spectre's render hook moves the live rows below it.
    private void WriteAboveLiveLocked(string text) => _console.Write(new ControlCode(text + "\n"));

    private void RemoveProgress(LiveProgress progress, string? target, string finalLine)
    {
        lock (_gate)
        {
            progress.Row?.StopTask();
            _live?.Refresh();
        }

        WriteLine(LogLevel.Information, target, finalLine);
    }

    private readonly record struct RunningTarget(string Name, long Started);

    private sealed class LiveProgress(TerminalHost host, string title, int total, string? target, ProgressTask? row) : IBuildProgress
    {
        private int _done;
        private string? _status;
        private int _disposed;

        public ProgressTask? Row => row;

        public void Increment(int count = 1, string? status = null)
        {
            lock (host._gate)
            {
                _done = Math.Min(_done + Math.Max(count, 0), total);
                var changed = status is not null && !string.Equals(host._masker.Apply(status), _status, StringComparison.Ordinal);
                _status = status is null ? _status : host._masker.Apply(status);
                if (row is not null)
                {
                    row.Value = _done;
                    var counted = string.Create(CultureInfo.InvariantCulture, $"{title} {_done}/{total}");
                    row.Description = Markup.Escape(string.IsNullOrWhiteSpace(_status) ? counted : $"{counted} {_status}");
                }

                if (changed)
                {
                    host._live?.Refresh(); // a new status is worth showing now; counts alone wait for Spectre's 10 Hz refresh
                }
            }
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
