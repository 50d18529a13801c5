namespace Tollgate.Security.Secrets;

/// <summary>Shannon entropy of a value, in bits per character.</summary>
internal static class Entropy
{
    /// <summary>The entropy: about 3.0 for English words, 3.7 to 4.0 for random hex, above 4.5 for random base64 of some length.</summary>
    public static double Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
