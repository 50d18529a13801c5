using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// The path patterns of <c>actions/upload-artifact</c> and <c>hashFiles()</c>: <c>**</c> any folders, <c>*</c> and
/// <c>?</c> within a name, a folder stands for every file under it, <c>!pattern</c> excludes.
/// </summary>
internal static class PathGlob
{
    /// <summary>The files under <paramref name="root"/> the patterns select, as sorted paths relative to it ('/' separated).</summary>
    public static IReadOnlyList<string> Match(string root, IReadOnlyList<string> patterns)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .ToList();
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in patterns.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var exclude = raw.StartsWith('!');
            var pattern = Normalize(exclude ? raw[1..] : raw);
            var regex = ToRegex(pattern, isFolder: Directory.Exists(Path.Combine(root, pattern)) || pattern.EndsWith('/'));
            foreach (var file in files.Where(f => regex.IsMatch(f)))
            {
                if (exclude)
                {
                    selected.Remove(file);
                }
                else
                {
                    selected.Add(file);
                }
            }
        }

        return [.. selected];
    }

    private static string Normalize(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized;
    }

    private static Regex ToRegex(string pattern, bool isFolder)
    {
        var body = new StringBuilder("^");
        var trimmed = pattern.TrimEnd('/');
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '*' && i + 1 < trimmed.Length && trimmed[i + 1] == '*')
            {
                var slashFollows = i + 2 < trimmed.Length && trimmed[i + 2] == '/';
                body.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else
            {
                body.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        body.Append(isFolder ? "/.*$" : "$");
        return new Regex(body.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
