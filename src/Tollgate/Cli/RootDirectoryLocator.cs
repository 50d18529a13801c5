namespace Tollgate;

/// <summary>Finds the build's root: the nearest directory upwards that holds <c>.nuke/</c> (NUKE's convention).</summary>
internal static class RootDirectoryLocator
{
    /// <summary>The root for <c>--root</c> (if given) or the nearest <c>.nuke/</c> above <paramref name="start"/>.</summary>
    /// <exception cref="TollgateException">No root was found.</exception>
    public static AbsolutePath Find(string? rootOption, string start)
    {
        if (rootOption is not null)
        {
            var root = new AbsolutePath(Path.GetFullPath(rootOption, start));
            return root.DirectoryExists()
                ? root
                : throw new TollgateException($"--root {rootOption}: the directory {root} does not exist.");
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")) || File.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return new AbsolutePath(directory.FullName);
            }
        }

        throw new TollgateException(
            $"Could not find the build's root: no directory from {start} upwards has a .nuke/ directory. Run from inside the repository, pass --root <dir>, or create .nuke/ at the root.");
    }
}
