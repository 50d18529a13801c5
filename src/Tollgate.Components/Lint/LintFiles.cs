using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate.Components.Lint;

/// <summary>Finds the files lint globs match, skipping build output and tool folders.</summary>
internal static class LintFiles
{
    private static readonly string[] Excluded = ["**/bin/**", "**/obj/**", "**/node_modules/**", ".git/**", ".nuke/**", "artifacts/**"];

    /// <summary>The matching files as (full path, path relative to the root with '/'), in ordinal order.</summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Find(string root, IEnumerable<string> globs)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        var any = false;
        foreach (var glob in globs.Where(g => !string.IsNullOrWhiteSpace(g)))
        {
            matcher.AddInclude(glob.Trim());
            any = true;
        }

        if (!any || !Directory.Exists(root))
        {
            return [];
        }

        matcher.AddExcludePatterns(Excluded);
        return [.. matcher.GetResultsInFullPath(root)
            .Select(full => (full, Relative(root, full)))
            .OrderBy(f => f.Item2, StringComparer.Ordinal)];
    }

    /// <summary>A path relative to the root with forward slashes (unchanged when outside the root).</summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
