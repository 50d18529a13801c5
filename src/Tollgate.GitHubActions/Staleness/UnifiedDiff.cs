using System.Globalization;
using System.Text;

namespace Tollgate.GitHubActions;

/// <summary>Formats a line diff as a unified diff (<c>--- a/file</c>, <c>+++ b/file</c>, <c>@@ -l,s +l,s @@</c> hunks).</summary>
internal static class UnifiedDiff
{
    /// <summary>The unified diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when they are equal.</summary>
    /// <param name="oldText">The text as it is (e.g. the committed file); null when there is none.</param>
    /// <param name="newText">The text as it should be; null when it should not exist.</param>
    /// <param name="path">The path shown in the headers.</param>
    /// <param name="context">Unchanged lines shown around each change.</param>
    public static string Create(string? oldText, string? newText, string path, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var lines = LineDiff.Compute(Lines(oldText), Lines(newText));
        var builder = new StringBuilder()
            .Append(oldText is null ? "--- /dev/null" : "--- a/" + path).Append('\n')
            .Append(newText is null ? "+++ /dev/null" : "+++ b/" + path).Append('\n');

        var changes = Enumerable.Range(0, lines.Count).Where(i => lines[i].Kind != ' ').ToList();
        if (changes.Count == 0)
        {
            // Same lines, different line ends or final newline.
            return builder.Append("@@ line ends or the final newline differ @@\n").ToString();
        }

        var start = 0;
        while (start < changes.Count)
        {
            var end = start;
            while (end + 1 < changes.Count && changes[end + 1] - changes[end] <= (2 * context) + 1)
            {
                end++;
            }

            var first = Math.Max(0, changes[start] - context);
            var last = Math.Min(lines.Count - 1, changes[end] + context);
            AppendHunk(builder, lines, first, last);
            start = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>The 1-based line of <paramref name="oldText"/> where the first difference is (1 when there is none or no old text).</summary>
    public static int FirstChangedLine(string? oldText, string? newText)
    {
        var lines = LineDiff.Compute(Lines(oldText), Lines(newText));
        var first = lines.Select((line, index) => (line, index)).FirstOrDefault(x => x.line.Kind != ' ');
        if (first.line.Kind == default)
        {
            return 1;
        }

        return first.line.Kind == '-' ? first.line.OldLine : PrecedingLine(lines, first.index, l => l.OldLine) + 1;
    }

    private static void AppendHunk(StringBuilder builder, IReadOnlyList<DiffLine> lines, int first, int last)
    {
        var hunk = Enumerable.Range(first, last - first + 1).Select(i => lines[i]).ToList();
        var oldCount = hunk.Count(l => l.Kind != '+');
        var newCount = hunk.Count(l => l.Kind != '-');
        var oldStart = oldCount == 0 ? PrecedingLine(lines, first, l => l.OldLine) : hunk.First(l => l.Kind != '+').OldLine;
        var newStart = newCount == 0 ? PrecedingLine(lines, first, l => l.NewLine) : hunk.First(l => l.Kind != '-').NewLine;
        builder.Append(CultureInfo.InvariantCulture, $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        foreach (var line in hunk)
        {
            builder.Append(line.Kind).Append(line.Text).Append('\n');
        }
    }

    // For an empty side, unified diffs name the line before the hunk (0 at the start of the file).
    private static int PrecedingLine(IReadOnlyList<DiffLine> lines, int index, Func<DiffLine, int> number) =>
        Enumerable.Range(0, index).Reverse().Select(i => number(lines[i])).FirstOrDefault(n => n > 0);

    private static List<string> Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
