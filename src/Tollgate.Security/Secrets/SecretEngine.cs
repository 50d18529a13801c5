using System.Buffers;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Finds secrets in text. A vectorised search for every rule's keywords finds candidate lines; only those lines are
/// matched against the rules whose keywords they contain (see <see cref="KeywordIndex"/>). Plain text without keywords
/// costs one pass of <see cref="MemoryExtensions.IndexOfAny(ReadOnlySpan{char}, SearchValues{string})"/>, and the text
/// is read as a span: a line becomes a string only when a rule's expression matched it.
/// </summary>
public sealed class SecretEngine
{
    private static readonly string[] PlaceholderMarkers = ["EXAMPLE", "example", "xxxxxx", "XXXXXX", "******", "<", "${", "$(", "{{", "%(", "placeholder", "changeme", "your"];

    private readonly IReadOnlyList<SecretRule> rules;
    private readonly KeywordIndex keywords;

    /// <summary>Creates an engine for <paramref name="rules"/> (default: <see cref="SecretRules.All"/>).</summary>
    public SecretEngine(IReadOnlyList<SecretRule>? rules = null)
    {
        this.rules = rules ?? SecretRules.All;
        keywords = new KeywordIndex(this.rules);
    }

    /// <summary>The rules this engine checks.</summary>
    public IReadOnlyList<SecretRule> Rules => rules;

    /// <summary>Every secret in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<SecretMatch> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scan(text.AsSpan());
    }

    /// <summary>Every secret in <paramref name="text"/>, in order (for pooled buffers: nothing is allocated for lines without a secret).</summary>
    public IReadOnlyList<SecretMatch> Scan(ReadOnlySpan<char> text)
    {
        List<SecretMatch>? matches = null;
        Span<bool> triggered = rules.Count <= 256 ? stackalloc bool[rules.Count] : new bool[rules.Count];
        Span<int> nextHits = stackalloc int[keywords.Searches];
        nextHits.Fill(int.MinValue);
        var position = 0;
        var line = 1;
        var lineCountedTo = 0;
        while (position < text.Length)
        {
            var at = keywords.NextHit(text, position, nextHits);
            if (at < 0)
            {
                break;
            }

            var lineStart = at == 0 ? 0 : text[..at].LastIndexOf('\n') + 1;
            var lineEndOffset = text[at..].IndexOf('\n');
            var lineEnd = lineEndOffset < 0 ? text.Length : at + lineEndOffset;
            line += text[lineCountedTo..lineStart].Count('\n');
            lineCountedTo = lineStart;
            triggered.Clear();
            keywords.MarkRules(text[lineStart..lineEnd], triggered);
            ScanLine(text, lineStart, lineEnd, line, triggered, ref matches);
            position = lineEnd + 1;
        }

        return matches ?? (IReadOnlyList<SecretMatch>)[];
    }

    private void ScanLine(ReadOnlySpan<char> text, int start, int end, int lineNumber, ReadOnlySpan<bool> triggered, ref List<SecretMatch>? matches)
    {
        // Most candidate lines hold a keyword but no secret ("the key of the dictionary", "token.IsCancellationRequested"):
        // they are checked on the span, without allocating the line or a match collection.
        var lineSpan = text[start..end];
        string? line = null;
        List<(int Start, int End)>? specificSpans = null;
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (!triggered[index] || !rule.Pattern.IsMatch(lineSpan))
            {
                continue;
            }

            line ??= lineSpan.ToString();
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(line))
            {
                var group = match.Groups["secret"].Success ? match.Groups["secret"] : match.Groups[0];
                var value = rule.ValueFollowsMatch ? KeyBody(text[(start + match.Index + match.Length)..]) : group.Value;
                if (value is null || !Accept(rule, value, match, line) || (rule.IsGeneric && Overlaps(specificSpans, group.Index, group.Index + group.Length)))
                {
                    continue;
                }

                if (!rule.IsGeneric)
                {
                    (specificSpans ??= []).Add((group.Index, group.Index + group.Length));
                }

                (matches ??= []).Add(new SecretMatch(rule, lineNumber, group.Index + 1, value));
            }
        }
    }

    private static bool Accept(SecretRule rule, string value, System.Text.RegularExpressions.Match match, string line)
    {
        if (PlaceholderMarkers.Any(m => value.Contains(m, StringComparison.Ordinal)) || value.Distinct().Count() <= 2)
        {
            return false;
        }

        if (rule.IsGeneric && (IdentifierBefore(line, match.Index) + match.Groups["name"].Value).Contains("PublicKeyToken", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.RequireLettersAndDigits && !(value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetter)))
        {
            return false;
        }

        return rule.MinEntropy <= 0 || Entropy.Of(value) >= rule.MinEntropy;
    }

    // The identifier characters right before the keyword (e.g. "Public" before KeyToken).
    private static string IdentifierBefore(string line, int index)
    {
        var start = index;
        while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '_' or '.' or '-'))
        {
            start--;
        }

        return line[start..index];
    }

    // The base64 body after a private key header, up to the END line (bounded): a header without a body is a placeholder.
    private static string? KeyBody(ReadOnlySpan<char> following)
    {
        var endMarker = following[..Math.Min(following.Length, 16_384)].IndexOf("-----END", StringComparison.Ordinal);
        var body = endMarker < 0 ? following[..Math.Min(following.Length, 4096)] : following[..endMarker];
        var compact = new System.Text.StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                compact.Append(c);
            }
        }

        return compact.Length >= 64 ? compact.ToString() : null;
    }

    private static bool Overlaps(List<(int Start, int End)>? spans, int start, int end) =>
        spans is not null && spans.Any(s => s.Start < end && start < s.End);
}
