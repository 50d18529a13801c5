using System.Buffers;

namespace Tollgate.Security.Secrets;

/// <summary>
/// Finds secrets in text. A vectorised search for every rule's keywords finds candidate lines; only those lines are
/// matched against the rules whose keywords they contain. Plain text without keywords costs one pass of
/// <see cref="MemoryExtensions.IndexOfAny(ReadOnlySpan{char}, SearchValues{string})"/>.
/// </summary>
public sealed class SecretEngine
{
    private static readonly string[] PlaceholderMarkers = ["EXAMPLE", "example", "xxxxxx", "XXXXXX", "******", "<", "${", "$(", "{{", "%(", "placeholder", "changeme", "your"];

    private readonly IReadOnlyList<SecretRule> rules;
    private readonly SearchValues<string> keywords;

    /// <summary>Creates an engine for <paramref name="rules"/> (default: <see cref="SecretRules.All"/>).</summary>
    public SecretEngine(IReadOnlyList<SecretRule>? rules = null)
    {
        this.rules = rules ?? SecretRules.All;
        keywords = SearchValues.Create([.. this.rules.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The rules this engine checks.</summary>
    public IReadOnlyList<SecretRule> Rules => rules;

    /// <summary>Every secret in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<SecretMatch> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<SecretMatch>? matches = null;
        var span = text.AsSpan();
        var position = 0;
        var line = 1;
        var lineCountedTo = 0;
        while (position < span.Length)
        {
            var hit = span[position..].IndexOfAny(keywords);
            if (hit < 0)
            {
                break;
            }

            var at = position + hit;
            var lineStart = at == 0 ? 0 : span[..at].LastIndexOf('\n') + 1;
            var lineEndOffset = span[at..].IndexOf('\n');
            var lineEnd = lineEndOffset < 0 ? span.Length : at + lineEndOffset;
            line += span[lineCountedTo..lineStart].Count('\n');
            lineCountedTo = lineStart;
            ScanLine(text, lineStart, lineEnd, line, ref matches);
            position = lineEnd + 1;
        }

        return matches ?? (IReadOnlyList<SecretMatch>)[];
    }

    private void ScanLine(string text, int start, int end, int lineNumber, ref List<SecretMatch>? matches)
    {
        // Most candidate lines hold a keyword but no secret ("the key of the dictionary", "token.IsCancellationRequested"):
        // they are checked on the span, without allocating the line or a match collection.
        var lineSpan = text.AsSpan(start, end - start);
        string? line = null;
        List<(int Start, int End)>? specificSpans = null;
        foreach (var rule in rules)
        {
            if (!ContainsKeyword(lineSpan, rule) || !rule.Pattern.IsMatch(lineSpan))
            {
                continue;
            }

            line ??= text[start..end];
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(line))
            {
                var group = match.Groups["secret"].Success ? match.Groups["secret"] : match.Groups[0];
                var value = rule.ValueFollowsMatch ? KeyBody(text, start + match.Index + match.Length) : group.Value;
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

    private static bool ContainsKeyword(ReadOnlySpan<char> line, SecretRule rule)
    {
        foreach (var keyword in rule.Keywords)
        {
            if (line.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
    private static string? KeyBody(string text, int from)
    {
        var endMarker = text.IndexOf("-----END", from, Math.Min(text.Length - from, 16_384), StringComparison.Ordinal);
        var body = endMarker < 0 ? text.Substring(from, Math.Min(text.Length - from, 4096)) : text[from..endMarker];
        var compact = new string([.. body.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')]);
        return compact.Length >= 64 ? compact : null;
    }

    private static bool Overlaps(List<(int Start, int End)>? spans, int start, int end) =>
        spans is not null && spans.Any(s => s.Start < end && start < s.End);
}
