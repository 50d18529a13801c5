namespace Tollgate;

/// <summary>Finds the closest valid name for a misspelt one ("Did you mean ...?").</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/> by case-insensitive edit distance, or <see langword="null"/>
    /// when none is close enough to be a plausible typo (distance over a third of the longer name, at least 2).
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        if (best is null)
        {
            return null;
        }

        var allowed = Math.Max(2, Math.Max(input.Length, best.Length) / 3);
        var isPrefix = best.StartsWith(input, StringComparison.OrdinalIgnoreCase) || input.StartsWith(best, StringComparison.OrdinalIgnoreCase);
        return bestDistance <= allowed || isPrefix ? best : null;
    }

    /// <summary>The Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
