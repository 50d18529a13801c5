using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Containers;

/// <summary>
/// A <c>.dockerignore</c> file with Docker's full syntax: comments, <c>*</c>, <c>?</c>, <c>[...]</c>, <c>**</c>,
/// <c>\</c> escapes, leading <c>/</c> and <c>./</c>, and <c>!</c> exceptions where the last matching line wins. A
/// pattern that matches a directory excludes everything under it, as in Docker's pattern matcher.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<Rule> _rules;

    private DockerIgnore(IReadOnlyList<Rule> rules) => _rules = rules;

    /// <summary>A file that ignores nothing.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>The patterns, cleaned as Docker cleans them, with <c>!</c> kept on exceptions.</summary>
    public IReadOnlyList<string> Patterns => _rules.Select(r => (r.IsException ? "!" : string.Empty) + r.Pattern).ToList();

    /// <summary>Whether any pattern is an exception (<c>!</c>): then excluded directories must still be walked.</summary>
    public bool HasExceptions => _rules.Any(r => r.IsException);

    /// <summary>Reads <paramref name="path"/>, or <see cref="Empty"/> when there is no such file.</summary>
    public static DockerIgnore Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var isException = line.StartsWith('!');
            if (isException)
            {
                line = line[1..].Trim();
            }

            var pattern = Clean(line);
            if (pattern.Length == 0)
            {
                continue;
            }

            rules.Add(new Rule(pattern, isException, new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline), LiteralPrefix(pattern)));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes, relative to the context) is left out.</summary>
    public bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/').Trim('/');
        var excluded = false;
        foreach (var rule in _rules)
        {
            if (rule.Matches(path))
            {
                excluded = !rule.IsException;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Whether an excluded directory must still be walked because an exception may bring back something inside it.
    /// </summary>
    public bool MayIncludeUnder(string relativeDirectory)
    {
        var directory = relativeDirectory.Replace('\\', '/').Trim('/') + "/";
        return _rules.Any(r => r.IsException && (r.Prefix.Length == 0 || r.Prefix.StartsWith(directory, StringComparison.Ordinal) || directory.StartsWith(r.Prefix, StringComparison.Ordinal)));
    }

    /// <summary>Docker's clean-up of a pattern: Go's <c>filepath.Clean</c>, then no leading slash.</summary>
    private static string Clean(string pattern)
    {
        var parts = new List<string>();
        foreach (var part in pattern.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>The pattern up to its first wildcard: exceptions under other directories cannot match below it.</summary>
    private static string LiteralPrefix(string pattern)
    {
        var end = pattern.IndexOfAny(['*', '?', '[', '\\']);
        return end < 0 ? pattern : pattern[..end];
    }

    /// <summary>Translates a pattern as moby's patternmatcher does (<c>**</c> spans directories, <c>*</c> and <c>?</c> do not).</summary>
    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close < 0)
                {
                    regex.Append(@"\[");
                    continue;
                }

                var set = pattern[(i + 1)..close];
                var negated = set.StartsWith('^') || set.StartsWith('!');
                regex.Append('[').Append(negated ? "^" : string.Empty).Append(Regex.Escape(negated ? set[1..] : set)).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                i++;
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }

    private sealed record Rule(string Pattern, bool IsException, Regex Regex, string Prefix)
    {
        /// <summary>Matches the path itself or any of its parent directories.</summary>
        public bool Matches(string path)
        {
            if (Regex.IsMatch(path))
            {
                return true;
            }

            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (Regex.IsMatch(path[..slash]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
