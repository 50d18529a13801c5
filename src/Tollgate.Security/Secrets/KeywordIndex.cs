using System.Buffers;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Every rule's keywords in vectorised <see cref="SearchValues{T}"/> (found in a text with one pass of
/// <c>IndexOfAny</c> each), and which rules each keyword belongs to. Keywords shorter than three characters (Azure's
/// <c>Q~</c>) get their own search: in one set with the others they made the vectorised search (which filters on the
/// keywords' first characters) 2.7 times slower. On a line with a hit, the rules to run are found by
/// comparing the keywords at each hit position, never by searching the line once per keyword: under invariant
/// globalization (as the build runs) a case-insensitive <c>Contains</c> per keyword and line cost about 10 µs a
/// line and made the whole scan 4 times slower than reading the files.
/// </summary>
internal sealed class KeywordIndex
{
    private const int ShortKeyword = 3;

    private readonly SearchValues<string>[] searches;
    private readonly Dictionary<char, (string Keyword, int[] Rules)[]> byFirstChar;

    public KeywordIndex(IReadOnlyList<SecretRule> rules)
    {
        var rulesOf = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < rules.Count; index++)
        {
            foreach (var keyword in rules[index].Keywords)
            {
                if (string.IsNullOrEmpty(keyword))
                {
                    throw new ArgumentException($"Secret rule {rules[index].Descriptor.Id} has an empty keyword; give every rule at least one literal that its matches contain.", nameof(rules));
                }

                if (!rulesOf.TryGetValue(keyword, out var list))
                {
                    rulesOf[keyword] = list = [];
                }

                if (!list.Contains(index))
                {
                    list.Add(index);
                }
            }
        }

        searches = [.. rulesOf.Keys
            .GroupBy(keyword => keyword.Length < ShortKeyword)
            .Select(group => SearchValues.Create([.. group], StringComparison.OrdinalIgnoreCase))];
        byFirstChar = rulesOf
            .GroupBy(pair => char.ToUpperInvariant(pair.Key[0]))
            .ToDictionary(group => group.Key, group => group.Select(pair => (pair.Key, pair.Value.ToArray())).ToArray());
    }

    /// <summary>How many separate searches <see cref="NextHit"/> merges (the size of its cache).</summary>
    public int Searches => searches.Length;

    /// <summary>
    /// The position of the first keyword at or after <paramref name="from"/>, or -1. <paramref name="cache"/> holds
    /// each search's next hit between calls (start it filled with <see cref="int.MinValue"/>), so a search whose next
    /// hit lies further on is not repeated.
    /// </summary>
    public int NextHit(ReadOnlySpan<char> text, int from, Span<int> cache)
    {
        var best = -1;
        for (var index = 0; index < searches.Length; index++)
        {
            if (cache[index] != -1 && cache[index] < from)
            {
                var hit = from >= text.Length ? -1 : text[from..].IndexOfAny(searches[index]);
                cache[index] = hit < 0 ? -1 : from + hit;
            }

            if (cache[index] >= 0 && (best < 0 || cache[index] < best))
            {
                best = cache[index];
            }
        }

        return best;
    }

    /// <summary>Sets <paramref name="triggered"/>[i] for every rule i with a keyword in <paramref name="line"/>.</summary>
    public void MarkRules(ReadOnlySpan<char> line, Span<bool> triggered)
    {
        foreach (var search in searches)
        {
            var at = line.IndexOfAny(search);
            while (at >= 0)
            {
                Mark(line[at..], triggered);
                var next = line[(at + 1)..].IndexOfAny(search);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
    }

    private void Mark(ReadOnlySpan<char> rest, Span<bool> triggered)
    {
        if (!byFirstChar.TryGetValue(char.ToUpperInvariant(rest[0]), out var candidates))
        {
            return;
        }

        foreach (var (keyword, rules) in candidates)
        {
            if (rest.Length >= keyword.Length && rest[..keyword.Length].Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var rule in rules)
                {
                    triggered[rule] = true;
                }
            }
        }
    }
}
