using Spectre.Console;

namespace Tollgate;

/// <content>The end-of-build summary: the table, the total, the verdict and any Markdown stages added.</content>
internal sealed partial class TerminalHost
{
    /// <inheritdoc/>
    public void WriteSummary(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = BuildSummary.From(report, _masker, failureNotes: false);
        lock (_gate)
        {
            StopLiveLocked();
            // The stages' summaries first, so the verdict is the build's last line, where a person looks.
            if (_summaries.Count > 0)
            {
                _output.WriteLine();
                _output.WriteLine(Ansi.Paint("Summary", Ansi.Bold, Colors));
                foreach (var markdown in _summaries)
                {
                    _output.WriteLine();
                    _output.WriteLine(_masker.Apply(markdown).TrimEnd());
                }
            }

            _output.WriteLine();
            _console.Write(CreateTable(summary));
            var verdictColor = summary.Succeeded ? "green" : "red";
            _console.MarkupLine($"[bold {verdictColor}]{Markup.Escape(summary.Verdict)}[/]");
            _output.Flush();
        }
    }

    private static Table CreateTable(BuildSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Target").Footer("[bold]Total[/]"));
        table.AddColumn(new TableColumn("Status"));
        table.AddColumn(new TableColumn("Duration").RightAligned().Footer($"[bold]{Markup.Escape(summary.Total)}[/]"));
        table.AddColumn(new TableColumn("Note"));
        foreach (var row in summary.Rows)
        {
            table.AddRow(
                new Text(row.Target),
                new Markup($"[{StatusColor(row.Status)}]{Markup.Escape(TargetStatusText.Describe(row.Status))}[/]"),
                new Text(row.Duration),
                new Text(row.Note));
        }

        return table;
    }

    private static string StatusColor(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective => "green",
        TargetStatus.Failed or TargetStatus.Aborted => "red",
        _ => "grey",
    };
}
