namespace Tollgate.Security;

/// <summary>
/// Inline allow comments: <c>tollgate:allow &lt;rule-or-fingerprint&gt; [reason]</c> on the finding's line or the line
/// above. A rule id is enough for rule findings; secrets can only be allowed by fingerprint prefix (8+ characters),
/// so a different secret put on the same line is still reported.
/// </summary>
/// <param name="root">The repository root the findings' paths are relative to.</param>
public sealed class InlineAllows(string root)
{
    private const string Marker = "tollgate:allow";
    private readonly Dictionary<string, string[]?> files = new(StringComparer.Ordinal);

    /// <summary>The allow comment covering <paramref name="finding"/>, or null.</summary>
    public string? Find(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Location.Path is not { } path || finding.Location.Line is not { } line || finding.Location.Commit is not null)
        {
            return null;
        }

        var lines = Lines(path);
        if (lines is null)
        {
            return null;
        }

        foreach (var index in new[] { line - 1, line - 2 })
        {
            if (index >= 0 && index < lines.Length && Allows(lines[index], finding))
            {
                return lines[index].Trim();
            }
        }

        return null;
    }

    private static bool Allows(string line, Finding finding)
    {
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var words = line[(at + Marker.Length)..].Split([' ', '\t', ',', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var token = words[0];
        var bySecretScanner = finding.Scanner.StartsWith("secret", StringComparison.Ordinal);
        return (token.Length >= 8 && finding.Fingerprint.StartsWith(token, StringComparison.OrdinalIgnoreCase))
            || (!bySecretScanner && string.Equals(token, finding.RuleId, StringComparison.OrdinalIgnoreCase));
    }

    private string[]? Lines(string path)
    {
        if (!files.TryGetValue(path, out var lines))
        {
            var full = Path.Combine(root, path);
            lines = File.Exists(full) && new FileInfo(full).Length < 10 * 1024 * 1024 ? File.ReadAllLines(full) : null;
            files[path] = lines;
        }

        return lines;
    }
}
