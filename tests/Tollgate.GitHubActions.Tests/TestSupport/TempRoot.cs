using Tollgate.TestSupport;

namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>A repository root in a temporary directory (a <see cref="TempDirectory"/> with .nuke/), deleted at the end of the test.</summary>
internal sealed class TempRoot : IDisposable
{
    private readonly TempDirectory _directory = new("tollgate-gha");

    public TempRoot()
    {
        Path = new AbsolutePath(_directory.Path);
        Directory.CreateDirectory(Path / ".nuke");
    }

    public AbsolutePath Path { get; }

    public string Read(string relative) => File.ReadAllText(Path / relative);

    public void Write(string relative, string text) => _directory.Write(relative, text);

    public void Dispose() => _directory.Dispose();
}
