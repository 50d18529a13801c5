namespace Tollgate;

/// <summary>
/// Writes the build for a GitHub Actions log: one <c>::group::</c> per target, annotations for diagnostics,
/// <c>::add-mask::</c> for secrets, plain progress lines, and the summary both in the log and appended to
/// <c>$GITHUB_STEP_SUMMARY</c>. Groups never interleave: while one target's group is open, the lines of other targets
/// running at the same time are buffered and written as their own groups once the open one closes. Thread-safe.
/// </summary>
internal sealed partial class GitHubActionsHost : IBuildHost
{
    private const string PrefixSeparator = " │ ";

    private readonly TextWriter _output;
    private readonly SecretMasker _masker = new();
    private readonly Lock _gate = new();
    private readonly List<string> _summaries = [];

    // Targets started and not yet finished, in start order; each has a buffer unless it is the one streaming.
    private readonly List<string> _running = [];
    private readonly Dictionary<string, List<string>> _buffers = new(StringComparer.Ordinal);

    // Output of finished (or never started) targets waiting for the open group to close.
    private readonly List<List<string>> _pending = [];
    private string? _streaming;

    // The target whose flow called TargetStarted (the executor calls it on the target's own async flow), so progress a
    // stage starts through the host lands in that target's group.
    private readonly AsyncLocal<string?> _flowTarget = new();

    /// <summary>Creates a host writing to <paramref name="output"/>.</summary>
    /// <param name="output">The step's log (standard output).</param>
    /// <param name="stepSummaryPath">The file named by <c>GITHUB_STEP_SUMMARY</c>; no summary file when null.</param>
    public GitHubActionsHost(TextWriter output, string? stepSummaryPath)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        StepSummaryPath = string.IsNullOrWhiteSpace(stepSummaryPath) ? null : stepSummaryPath;
    }

    /// <inheritdoc/>
    public string Name => "github-actions";

    /// <summary>The step summary file the summary is appended to, if any.</summary>
    public string? StepSummaryPath { get; }

    /// <inheritdoc/>
    public void WriteLogo(string buildName)
    {
        ArgumentNullException.ThrowIfNull(buildName);
        lock (_gate)
        {
            _output.WriteLine("Tollgate · " + _masker.Apply(buildName));
        }
    }

    /// <inheritdoc/>
    public bool ShowsProcessOutput => true;

    /// <inheritdoc/>
    public void WriteLine(LogLevel level, string? target, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = _masker.Apply(line);
        lock (_gate)
        {
            if (target is not null && _buffers.TryGetValue(target, out var buffer))
            {
                buffer.Add(text);
            }
            else if (target is null || string.Equals(target, _streaming, StringComparison.Ordinal))
            {
                _output.WriteLine(text);
            }
            else
            {
                _output.WriteLine(target + PrefixSeparator + text);
            }
        }
    }

    /// <inheritdoc/>
    public void TargetStarted(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _flowTarget.Value = target;
        lock (_gate)
        {
            _running.Add(target);
            if (_streaming is null)
            {
                _streaming = target;
                _output.WriteLine(GitHubCommands.Group(target));
            }
            else
            {
                _buffers[target] = [];
            }
        }
    }

    /// <inheritdoc/>
    public void TargetFinished(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A failure is written once, as the error annotation after the group (GitHub shows it without unfolding).
        var finishedLine = _masker.Apply(TargetStatusText.FinishedLine(result.Failure is null ? result : result with { Note = null }));
        var failure = result.Status == TargetStatus.Failed
            ? GitHubCommands.Annotation(LogLevel.Error, $"{result.Name} failed", _masker.Apply(result.Failure ?? result.Note ?? "The target failed."))
            : null;
        lock (_gate)
        {
            _running.Remove(result.Name);
            if (string.Equals(result.Name, _streaming, StringComparison.Ordinal))
            {
                _output.WriteLine(finishedLine);
                _output.WriteLine(GitHubCommands.EndGroup);
                WriteIfPresent(failure);
                _streaming = null;
                FlushPendingLocked();
                PromoteLocked();
                return;
            }

            List<string> lines;
            if (_buffers.Remove(result.Name, out var buffer))
            {
                lines = [GitHubCommands.Group(result.Name), .. buffer, finishedLine, GitHubCommands.EndGroup];
            }
            else
            {
                lines = [finishedLine]; // never started (skipped, not run): one line, no group
            }

            if (failure is not null)
            {
                lines.Add(failure);
            }

            _pending.Add(lines);
            if (_streaming is null)
            {
                FlushPendingLocked();
            }
        }
    }

    /// <inheritdoc/>
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var masked = diagnostic with { Message = _masker.Apply(diagnostic.Message) };

        var command = _masker.Apply(GitHubCommands.Annotation(masked));
        lock (_gate)
        {
            // Into the reporting target's buffer when it is buffered, so the annotation sits in that target's group;
            // never prefixed, which would stop GitHub from reading it as a command.
            if (CurrentTarget() is { } target && _buffers.TryGetValue(target, out var buffer))
            {
                buffer.Add(command);
            }
            else
            {
                _output.WriteLine(command);
            }
        }
    }

    /// <inheritdoc/>
    public void RegisterSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        _masker.Add(secret);
        lock (_gate)
        {
            // GitHub masks line by line; a multi-line secret is registered one line at a time.
            foreach (var part in secret.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!string.IsNullOrWhiteSpace(part))
                {
                    _output.WriteLine(GitHubCommands.AddMask(part));
                }
            }
        }
    }

    /// <inheritdoc/>
    public IBuildProgress StartProgress(string title, int total)
    {
        ArgumentNullException.ThrowIfNull(title);
        var target = CurrentTarget();
        return new PlainProgress(_masker.Apply(title), total, line => WriteLine(LogLevel.Information, target, line));
    }

    private string? CurrentTarget()
    {
        lock (_gate)
        {
            var flow = _flowTarget.Value;
            return flow is not null && _running.Contains(flow) ? flow : _running.Count == 1 ? _running[0] : null;
        }
    }

    private void WriteIfPresent(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }

    private void FlushPendingLocked()
    {
        foreach (var line in _pending.SelectMany(lines => lines))
        {
            _output.WriteLine(line);
        }

        _pending.Clear();
    }

    private void PromoteLocked()
    {
        // The earliest-started target still running takes over the log: its group opens with what it wrote so far.
        var next = _running.FirstOrDefault(_buffers.ContainsKey);
        if (next is null)
        {
            return;
        }

        _streaming = next;
        _buffers.Remove(next, out var buffer);
        _output.WriteLine(GitHubCommands.Group(next));
        foreach (var line in buffer!)
        {
            _output.WriteLine(line);
        }
    }
}
