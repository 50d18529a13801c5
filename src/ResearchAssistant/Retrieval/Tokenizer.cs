using System.Text.RegularExpressions;

namespace ResearchAssistant.Retrieval;

/// <summary>
/// Splits text into lower-case terms for BM25: words and numbers (1,000 and 4.2 stay whole), English stop words
/// dropped, plural and -ed/-ing endings folded so "seats" matches "seat" and "supported" matches "supports".
/// </summary>
public sealed partial class Tokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "than", "that", "the", "their", "them",
        "then", "there", "these", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will",
        "with", "you", "your", "am", "been", "being", "did", "has", "have", "had", "should", "would", "could",
        "about", "any", "there", "they", "he", "she", "his", "her", "not", "no", "yes", "much", "many", "long",
    };

    /// <summary>The terms of a text, in order, duplicates kept.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        var terms = new List<string>();
        foreach (Match match in Word().Matches(text))
        {
            var term = Normalize(match.Value.ToLowerInvariant());
            if (term.Length > 0 && !StopWords.Contains(term))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    private static string Normalize(string word)
    {
        if (char.IsDigit(word[0]))
        {
            return word.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return DropFinalE(DropSuffix(word));
    }

    // A light stemmer, enough for "supported"/"supports", "billing"/"billed", "changes"/"changed" to meet.
    private static string DropSuffix(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static string DropFinalE(string word) =>
        word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.,]\p{N}+)*")]
    private static partial Regex Word();
}
