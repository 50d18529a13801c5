namespace Tollgate.GitHubActions;

/// <summary>One line of a line diff.</summary>
/// <param name="Kind">' ' kept, '-' only in the old text, '+' only in the new text.</param>
/// <param name="Text">The line.</param>
/// <param name="OldLine">Its 1-based line number in the old text (0 for an added line).</param>
/// <param name="NewLine">Its 1-based line number in the new text (0 for a removed line).</param>
internal readonly record struct DiffLine(char Kind, string Text, int OldLine, int NewLine);

/// <summary>A shortest line diff (Myers' O(ND) algorithm), so a one-line edit shows as one line removed and one added.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var n = oldLines.Count;
        var m = newLines.Count;
        var max = n + m;
        var offset = max + 1;
        var frontier = new int[(2 * max) + 3];
        var trace = new List<int[]>();

        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])frontier.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                // Move down (insert) from diagonal k+1 or right (delete) from k-1, whichever reached further.
                var x = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                    ? frontier[offset + k + 1]
                    : frontier[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && oldLines[x] == newLines[y])
                {
                    x++;
                    y++;
                }

                frontier[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, oldLines, newLines, d);
                }
            }
        }

        throw new InvalidOperationException("A line diff always ends within n + m steps.");
    }

    private static List<DiffLine> Backtrack(List<int[]> trace, int offset, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, int steps)
    {
        var result = new List<DiffLine>();
        var x = oldLines.Count;
        var y = newLines.Count;
        for (var d = steps; d > 0; d--)
        {
            var frontier = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = frontier[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                result.Add(new DiffLine(' ', oldLines[x - 1], x, y));
                x--;
                y--;
            }

            if (x == previousX)
            {
                result.Add(new DiffLine('+', newLines[y - 1], 0, y));
            }
            else
            {
                result.Add(new DiffLine('-', oldLines[x - 1], x, 0));
            }

            x = previousX;
            y = previousY;
        }

        while (x > 0 && y > 0)
        {
            result.Add(new DiffLine(' ', oldLines[x - 1], x, y));
            x--;
            y--;
        }

        result.Reverse();
        return result;
    }
}
