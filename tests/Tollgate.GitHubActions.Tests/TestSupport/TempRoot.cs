namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>A repository root in a temporary directory (with .nuke/), deleted at the end of the test.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = new AbsolutePath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-gha-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Path / ".nuke");
    }

    public AbsolutePath Path { get; }

    public string Read(string relative) => File.ReadAllText(Path / relative);

    public void Write(string relative, string text)
    {
        var file = Path / relative;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Value)!);
        File.WriteAllText(file, text);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
