namespace Tollgate.GitHubActions;

/// <summary>
/// Where <c>actions/download-artifact</c> must unpack a target's artifact so files land where the producer wrote them.
/// <c>actions/upload-artifact</c> stores files relative to a root it derives from the path patterns: for one pattern its
/// longest literal directory prefix (for one literal file, the file's directory); for several, the least common
/// ancestor of those prefixes. A literal path is taken for a file when its last segment has an extension and does not
/// end with '/'.
/// </summary>
internal static class ArtifactPaths
{
    private static readonly System.Buffers.SearchValues<char> GlobCharacters = System.Buffers.SearchValues.Create("*?[]{}");

    public static string DownloadPath(IReadOnlyList<string> patterns)
    {
        var included = patterns.Where(p => !p.StartsWith('!')).Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (included.Count == 0)
        {
            return ".";
        }

        if (included.Count == 1)
        {
            var only = included[0];
            if (only.AsSpan().IndexOfAny(GlobCharacters) >= 0)
            {
                return Join(SearchPath(only));
            }

            var segments = Segments(only);
            var isFile = !only.EndsWith('/') && Path.HasExtension(segments[^1]);
            return Join(isFile ? segments[..^1] : segments);
        }

        var common = included.Select(SearchPath).Aggregate(CommonPrefix);
        return Join(common);
    }

    /// <summary>
    /// Whether two path patterns can name the same files: the literal folder prefix of one lies within the other's
    /// (<c>artifacts/image/**</c> and <c>artifacts/image/image.json</c> do; <c>artifacts/image-archive/**</c> does not).
    /// Exclusions (<c>!...</c>) overlap nothing.
    /// </summary>
    public static bool Overlap(string left, string right)
    {
        if (left.StartsWith('!') || right.StartsWith('!'))
        {
            return false;
        }

        var (a, b) = (SearchPath(Normalize(left)), SearchPath(Normalize(right)));
        return CommonPrefix(a, b).Length == Math.Min(a.Length, b.Length);
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

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    // The literal segments before the first segment that holds a glob character (a literal path is its own search path).
    private static string[] SearchPath(string pattern) => [.. Segments(pattern).TakeWhile(segment => segment.AsSpan().IndexOfAny(GlobCharacters) < 0)];

    private static string[] CommonPrefix(string[] left, string[] right) =>
        [.. left.Zip(right).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First)];

    private static string Join(string[] segments) => segments.Length == 0 ? "." : string.Join('/', segments);
}
