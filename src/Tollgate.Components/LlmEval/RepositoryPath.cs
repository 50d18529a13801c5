namespace Tollgate.Components.LlmEval;

/// <summary>Resolves a path parameter against the root and refuses one that leaves the repository.</summary>
internal static class RepositoryPath
{
    public static AbsolutePath Resolve(AbsolutePath root, string relative, string parameter)
    {
        var full = root / relative;
        var fromRoot = Path.GetRelativePath(root, full);
        if (Path.IsPathRooted(relative) || fromRoot == ".." || fromRoot.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new TollgateException($"{parameter} '{relative}' is outside the repository ({root}); give a path relative to the root, e.g. evals/my-suite.yaml");
        }

        return full;
    }
}
