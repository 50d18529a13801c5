using Microsoft.Extensions.FileSystemGlobbing;

namespace Tollgate.Security.Secrets;

/// <summary>
/// The files of a working tree: in a git repository the tracked and untracked-but-not-ignored files
/// (<c>git ls-files -co --exclude-standard</c>), else every file except <c>.git</c>, <c>bin</c>, <c>obj</c> and
/// <c>node_modules</c>; minus the exclude globs.
/// </summary>
internal static class WorkingTreeFiles
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "artifacts", ".nuke" };

    /// <summary>Repository-relative paths with forward slashes, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(string root, IReadOnlyList<string> excludeGlobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(excludeGlobs);
        IEnumerable<string> files;
        if (await Git.IsRepositoryAsync(root, cancellationToken).ConfigureAwait(false))
        {
            var output = await Git.RunAsync(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cancellationToken).ConfigureAwait(false);
            files = output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(root, f)));
        }
        else
        {
            files = Walk(root, root);
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude("**/*");
        matcher.AddExcludePatterns(excludeGlobs);
        return [.. files.Distinct().Where(f => matcher.Match(f).HasMatches).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Walk(string root, string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return Path.GetRelativePath(root, file).Replace('\\', '/');
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Walk(root, sub))
            {
                yield return file;
            }
        }
    }
}
