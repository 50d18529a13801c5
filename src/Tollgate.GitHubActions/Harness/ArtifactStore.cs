namespace Tollgate.GitHubActions.Harness;

/// <summary>
/// Emulates <c>actions/upload-artifact</c> and <c>actions/download-artifact</c> by copying: an upload stores the matched
/// files relative to the patterns' common root (as upload-artifact does), a download copies them into the given path.
/// </summary>
internal sealed class ArtifactStore(string directory)
{
    /// <summary>Copies the files <paramref name="patterns"/> match in the workspace; returns how many.</summary>
    public int Upload(string name, string workspace, IReadOnlyList<string> patterns)
    {
        var files = PathGlob.Match(workspace, patterns);
        if (files.Count == 0)
        {
            return 0;
        }

        var root = ArtifactPaths.DownloadPath(patterns);
        var target = Folder(name);
        foreach (var file in files)
        {
            var relative = root == "." ? file : Path.GetRelativePath(root, file).Replace('\\', '/');
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(workspace, file), destination, overwrite: true);
        }

        return files.Count;
    }

    /// <summary>The stored artifact names, sorted.</summary>
    public IReadOnlyList<string> Names =>
        Directory.Exists(directory) ? [.. Directory.EnumerateDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];

    /// <summary>Copies the named artifact into <paramref name="path"/> of the workspace; false when it was never uploaded.</summary>
    public bool Download(string name, string workspace, string path)
    {
        var source = Folder(name);
        if (!Directory.Exists(source))
        {
            return false;
        }

        var destination = Path.GetFullPath(Path.Combine(workspace, path));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        return true;
    }

    /// <summary>The number of files of a stored artifact.</summary>
    public int FileCount(string name) =>
        Directory.Exists(Folder(name)) ? Directory.EnumerateFiles(Folder(name), "*", SearchOption.AllDirectories).Count() : 0;

    private string Folder(string name) => Path.Combine(directory, name);
}
