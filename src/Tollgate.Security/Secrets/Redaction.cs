namespace Tollgate.Security.Secrets;

/// <summary>How secret values appear in every output: a short prefix and the length, never the value.</summary>
internal static class Redaction
{
    /// <summary>The first few characters (at most 4, at most a quarter of the value) followed by <c>…</c> and the length.</summary>
    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = Math.Min(4, value.Length / 4);
        return $"{value[..shown]}…({value.Length} chars)";
    }
}
