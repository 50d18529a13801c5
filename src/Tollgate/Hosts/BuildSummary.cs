using System.Collections.Immutable;
using System.Text;

namespace Tollgate;

/// <summary>
/// The end-of-build table (Target | Status | Duration | Note, in plan order), its total and the verdict, rendered as
/// plain text for logs and as Markdown for summaries.
/// </summary>
/// <param name="Rows">One row per target, in plan order.</param>
/// <param name="Total">The build's total duration, formatted.</param>
/// <param name="Succeeded">The verdict.</param>
/// <param name="Cancelled">Whether the build was cancelled.</param>
internal sealed record BuildSummary(ImmutableArray<BuildSummary.Row> Rows, string Total, bool Succeeded, bool Cancelled)
{
    /// <summary>The column headers.</summary>
    public static readonly ImmutableArray<string> Headers = ["Target", "Status", "Duration", "Note"];

    /// <summary>The verdict line: <c>Build succeeded</c> or <c>Build failed</c> (with <c>(cancelled)</c> when it was).</summary>
    public string Verdict => Succeeded ? "Build succeeded" : Cancelled ? "Build failed (cancelled)" : "Build failed";

    /// <summary>Builds the summary of a report; notes are joined into one line and masked with <paramref name="masker"/>.</summary>
    /// <param name="report">The build's outcome.</param>
    /// <param name="masker">Masks the notes.</param>
    /// <param name="failureNotes">
    /// Whether failed targets' notes go in the table. A log leaves them out: the failure was printed where the target
    /// ended, and printing it again under the table only repeats it. A step summary (a page of its own) keeps them.
    /// </param>
    public static BuildSummary From(BuildReport report, SecretMasker? masker = null, bool failureNotes = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Targets.Select(t => new Row(
            t.Name,
            t.Status,
            TargetStatusText.DurationCell(t),
            t.Note is null || (!failureNotes && t.Failure is not null) ? string.Empty : TargetStatusText.OneLine(masker?.Apply(t.Note) ?? t.Note)));
        return new BuildSummary([.. rows], DurationText.Format(report.Duration), report.Succeeded, report.Cancelled);
    }

    /// <summary>Writes the table, the total line and the verdict as aligned plain text.</summary>
    public void WritePlainText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var cells = Rows.Select(r => new[] { r.Target, TargetStatusText.Describe(r.Status), r.Duration, r.Note }).ToList();
        var widths = Enumerable.Range(0, 3)
            .Select(i => cells.Select(c => c[i].Length).Append(Headers[i].Length).Append(i == 0 ? "Total".Length : 0).Max())
            .ToArray();

        writer.WriteLine(Line(widths, [.. Headers]));
        writer.WriteLine(Line(widths, [.. widths.Select(w => new string('─', w)), "────"]));
        foreach (var row in cells)
        {
            writer.WriteLine(Line(widths, row));
        }

        writer.WriteLine(Line(widths, ["Total", string.Empty, Total, string.Empty]));
        writer.WriteLine();
        writer.WriteLine(Verdict);
    }

    /// <summary>The summary as Markdown: a verdict heading, the table and the total.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("### ").Append(Succeeded ? "✅ " : "❌ ").AppendLine(Verdict).AppendLine();
        builder.AppendLine("| Target | Status | Duration | Note |");
        builder.AppendLine("| --- | --- | --- | --- |");
        foreach (var row in Rows)
        {
            builder.Append("| ").Append(EscapeCell(row.Target))
                .Append(" | ").Append(StatusEmoji(row.Status)).Append(' ').Append(TargetStatusText.Describe(row.Status))
                .Append(" | ").Append(row.Duration)
                .Append(" | ").Append(EscapeCell(row.Note))
                .AppendLine(" |");
        }

        builder.Append("| **Total** | | ").Append(Total).AppendLine(" | |");
        return builder.ToString();
    }

    private static string Line(int[] widths, string[] cells)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            builder.Append(i < widths.Length ? cells[i].PadRight(widths[i] + 2) : cells[i]);
        }

        return builder.ToString().TrimEnd();
    }

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string StatusEmoji(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective => "✅",
        TargetStatus.Failed or TargetStatus.Aborted => "❌",
        _ => "⏭️",
    };

    /// <summary>One target's row.</summary>
    /// <param name="Target">The target's name.</param>
    /// <param name="Status">How it ended.</param>
    /// <param name="Duration">Its formatted duration, or a dash.</param>
    /// <param name="Note">Its note on one line, or empty.</param>
    public sealed record Row(string Target, TargetStatus Status, string Duration, string Note);
}
