namespace Tollgate.GlobalTool.Tests;

/// <summary>Files of this repository (found from the test assembly upwards by Tollgate.slnx).</summary>
internal static class RepositoryFiles
{
    public static string Root => Tollgate.TestSupport.RepositoryRoot.Path;

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));
}
