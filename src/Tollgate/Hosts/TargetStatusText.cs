namespace Tollgate;

/// <summary>How hosts name and mark a target's status.</summary>
internal static class TargetStatusText
{
    /// <summary>The word for a status: <c>Succeeded</c>, <c>Failed</c>, <c>Skipped</c>, <c>Up to date</c>, ...</summary>
    public static string Describe(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "Succeeded",
        TargetStatus.Failed => "Failed",
        TargetStatus.Skipped => "Skipped",
        TargetStatus.UpToDate => "Up to date",
        TargetStatus.Aborted => "Aborted",
        TargetStatus.Collective => "Collective",
        _ => "Not run",
    };

    /// <summary>The mark in front of a target's end line: ✔ for success, ✘ for failure, ○ for anything that did not run.</summary>
    public static string Symbol(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Collective => "✔",
        TargetStatus.Failed or TargetStatus.Aborted => "✘",
        _ => "○",
    };

    /// <summary>
    /// The line printed when a target ends: <c>✔ Compile 1.2s</c>, <c>✘ Compile failed: message</c> (the duration is in the summary),
    /// <c>○ Test skipped: --skip</c>.
    /// </summary>
    public static string FinishedLine(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var note = string.IsNullOrWhiteSpace(result.Note) ? string.Empty : ": " + OneLine(result.Note);
        return result.Status switch
        {
            TargetStatus.Succeeded or TargetStatus.Collective => $"✔ {result.Name} {DurationText.Format(result.Duration)}",
            TargetStatus.UpToDate => $"✔ {result.Name} up to date",
            TargetStatus.Failed => $"✘ {result.Name} failed{note}",
            TargetStatus.Aborted => $"✘ {result.Name} aborted{note}",
            TargetStatus.Skipped => $"○ {result.Name} skipped{note}",
            _ => $"○ {result.Name} not run{note}",
        };
    }

    /// <summary>
    /// The lines of a failure after its first (which <see cref="FinishedLine"/> shows as the note), indented under the
    /// target's end line; none when the target did not fail or its failure is one line.
    /// </summary>
    public static IReadOnlyList<string> FailureDetail(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Failure is null)
        {
            return [];
        }

        var lines = result.Failure.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var first = lines[0];
        var shown = result.Note ?? string.Empty;
        // The note is the first line cut to a length; when it was cut, the whole first line comes again in the detail.
        var skip = string.Equals(first, shown, StringComparison.Ordinal) ? 1 : 0;
        return [.. lines.Skip(skip).Select(line => "    " + line)];
    }

    /// <summary>The duration cell of the summary: a dash for targets that did not run anything (skipped, up to date, collective).</summary>
    public static string DurationCell(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Duration == TimeSpan.Zero && result.Status is not (TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted)
            ? "–"
            : DurationText.Format(result.Duration);
    }

    /// <summary>Joins the lines of a note into one line.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
