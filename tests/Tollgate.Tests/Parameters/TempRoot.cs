using Tollgate.TestSupport;

namespace Tollgate.Tests.Parameters;

/// <summary>A real root directory with a .nuke folder (a <see cref="TempDirectory"/>), deleted on dispose.</summary>
internal sealed class TempRoot : IDisposable
{
    private readonly TempDirectory _directory = new("tollgate-parameters");

    public TempRoot()
    {
        Path = new AbsolutePath(_directory.Path);
        (Path / ".nuke").CreateDirectory();
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Write(string relativePath, string text) => new(_directory.Write(relativePath, text));

    public ParameterSources Sources(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? commandLine = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        params string[] profiles) =>
        new(
            commandLine ?? new Dictionary<string, IReadOnlyList<string>>(),
            environment ?? new Dictionary<string, string?>(),
            Path,
            profiles);

    public void Dispose() => _directory.Dispose();
}
