namespace Tollgate.Deployment.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The repository root: the nearest directory upwards holding Tollgate.slnx.</summary>
    public static string Path { get; } = Find();

    public static string Chart => System.IO.Path.Combine(Path, "k8s", "research-assistant");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Tollgate.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tollgate.slnx not found above " + AppContext.BaseDirectory);
    }
}
