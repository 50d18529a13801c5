using System.Text.RegularExpressions;

namespace Tollgate.Evaluation;

/// <summary>Text similarity metrics on lower-cased word tokens: ROUGE-N, ROUGE-L and smoothed sentence BLEU.</summary>
internal static partial class SimilarityMetrics
{
    /// <summary>Lower-cased word tokens.</summary>
    public static IReadOnlyList<string> Tokens(string text) =>
        [.. Word().Matches(text ?? string.Empty).Select(m => m.Value.ToUpperInvariant())];

    /// <summary>ROUGE-N F1 between a candidate and a reference.</summary>
    public static double RougeN(string candidate, string reference, int n = 1)
    {
        var c = NGrams(Tokens(candidate), n);
        var r = NGrams(Tokens(reference), n);
        if (c.Count == 0 || r.Count == 0)
        {
            return c.Count == r.Count ? 1 : 0;
        }

        var overlap = Overlap(c, r);
        var precision = overlap / (double)c.Values.Sum();
        var recall = overlap / (double)r.Values.Sum();
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>ROUGE-L F1 (longest common subsequence) between a candidate and a reference.</summary>
    public static double RougeL(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        if (c.Count == 0 || r.Count == 0)
        {
            return c.Count == r.Count ? 1 : 0;
        }

        var previous = new int[r.Count + 1];
        var current = new int[r.Count + 1];
        for (var i = 1; i <= c.Count; i++)
        {
            for (var j = 1; j <= r.Count; j++)
            {
                current[j] = c[i - 1] == r[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        var lcs = previous[r.Count];
        var precision = lcs / (double)c.Count;
        var recall = lcs / (double)r.Count;
        return lcs == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>Sentence BLEU up to 4-grams with add-one smoothing and the brevity penalty.</summary>
    public static double Bleu(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        if (c.Count == 0)
        {
            return 0;
        }

        var logSum = 0d;
        for (var n = 1; n <= 4; n++)
        {
            var cg = NGrams(c, n);
            var total = Math.Max(0, c.Count - n + 1);
            var matches = Overlap(cg, NGrams(r, n));
            logSum += Math.Log((matches + 1d) / (total + 1d));
        }

        var brevity = c.Count >= r.Count ? 1 : Math.Exp(1 - (r.Count / (double)c.Count));
        return brevity * Math.Exp(logSum / 4);
    }

    /// <summary>Cosine similarity of two vectors.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / (Math.Sqrt(na) * Math.Sqrt(nb));
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private static int Overlap(Dictionary<string, int> candidate, Dictionary<string, int> reference) =>
        candidate.Sum(g => Math.Min(g.Value, reference.GetValueOrDefault(g.Key)));

    [GeneratedRegex(@"[\p{L}\p{N}$%.]+(?<![.])")]
    private static partial Regex Word();
}
