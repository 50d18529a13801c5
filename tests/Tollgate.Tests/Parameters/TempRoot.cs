namespace Tollgate.Tests.Parameters;

/// <summary>A real root directory with a .nuke folder in the system temp directory, deleted on dispose.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-parameters-" + Guid.NewGuid().ToString("N")));
        (Path / ".nuke").CreateDirectory();
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Write(string relativePath, string text)
    {
        var file = Path / relativePath;
        file.Parent.CreateDirectory();
        File.WriteAllText(file, text);
        return file;
    }

    public ParameterSources Sources(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? commandLine = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        params string[] profiles) =>
        new(
            commandLine ?? new Dictionary<string, IReadOnlyList<string>>(),
            environment ?? new Dictionary<string, string?>(),
            Path,
            profiles);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
