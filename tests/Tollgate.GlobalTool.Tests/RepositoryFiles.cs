namespace Tollgate.GlobalTool.Tests;

/// <summary>Files of this repository (found from the test assembly upwards by Tollgate.slnx).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tollgate.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Tollgate.slnx above {AppContext.BaseDirectory}.");
    }
}
