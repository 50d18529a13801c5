using System.Text.RegularExpressions;

namespace ResearchAssistant.Answering;

/// <summary>
/// Finds the document ids a model cited in square brackets (<c>[doc-014]</c>, also <c>[doc-014, doc-020]</c>) and keeps
/// those that were among the passages given to it, in order of first citation.
/// </summary>
public static partial class CitationParser
{
    public static IReadOnlyList<string> Parse(string answer, IEnumerable<string> allowedIds)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var allowed = new HashSet<string>(allowedIds, StringComparer.OrdinalIgnoreCase);
        var cited = new List<string>();
        foreach (Match bracket in Bracket().Matches(answer))
        {
            foreach (Match id in Id().Matches(bracket.Value))
            {
                var normalized = id.Value.ToLowerInvariant();
                if (allowed.Contains(normalized) && !cited.Contains(normalized, StringComparer.Ordinal))
                {
                    cited.Add(normalized);
                }
            }
        }

        return cited;
    }

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"doc-[0-9]+", RegexOptions.IgnoreCase)]
    private static partial Regex Id();
}
