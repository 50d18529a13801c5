using System.Text;

namespace Tollgate;

/// <content>The summary: a plain table in the log and Markdown appended to the step summary file.</content>
internal sealed partial class GitHubActionsHost
{
    /// <inheritdoc/>
    public void AppendSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        lock (_gate)
        {
            _summaries.Add(_masker.Apply(markdown));
        }
    }

    /// <inheritdoc/>
    public void WriteSummary(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = BuildSummary.From(report, _masker);
        lock (_gate)
        {
            CloseOpenGroupsLocked();
            _output.WriteLine();
            BuildSummary.From(report, _masker, failureNotes: false).WritePlainText(_output);
            if (!summary.Succeeded)
            {
                _output.WriteLine(GitHubCommands.Annotation(LogLevel.Error, null, summary.Verdict));
            }

            AppendStepSummaryLocked(summary);
            _output.Flush();
        }
    }

    /// <summary>The Markdown this host appends to the step summary file for a summary.</summary>
    internal string StepSummaryMarkdown(BuildSummary summary)
    {
        var builder = new StringBuilder().Append(summary.ToMarkdown());
        foreach (var markdown in _summaries)
        {
            builder.AppendLine().AppendLine(markdown.TrimEnd());
        }

        return builder.ToString();
    }

    private void AppendStepSummaryLocked(BuildSummary summary)
    {
        if (StepSummaryPath is null)
        {
            return;
        }

        try
        {
            // Other steps of the job write to the same file: append, never truncate; start on a fresh line.
            var existing = File.Exists(StepSummaryPath) ? new FileInfo(StepSummaryPath).Length : 0;
            var text = (existing > 0 ? Environment.NewLine : string.Empty) + StepSummaryMarkdown(summary);
            File.AppendAllText(StepSummaryPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _output.WriteLine(GitHubCommands.Annotation(
                LogLevel.Warning,
                "Step summary not written",
                $"Could not append the build summary to {StepSummaryPath} (GITHUB_STEP_SUMMARY): {e.Message}"));
        }
    }

    private void CloseOpenGroupsLocked()
    {
        // A build that ends with targets still marked running (cancelled) must not leave a group open or lose lines.
        if (_streaming is not null)
        {
            _output.WriteLine(GitHubCommands.EndGroup);
            _streaming = null;
        }

        FlushPendingLocked();
        foreach (var name in _running.Where(_buffers.ContainsKey).ToList())
        {
            _output.WriteLine(GitHubCommands.Group(name));
            foreach (var line in _buffers[name])
            {
                _output.WriteLine(line);
            }

            _output.WriteLine(GitHubCommands.EndGroup);
            _buffers.Remove(name);
        }

        _running.Clear();
    }
}
