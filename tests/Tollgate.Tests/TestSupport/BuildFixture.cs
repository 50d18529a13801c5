using System.Text;
using Tollgate.TestSupport;

namespace Tollgate.Tests.TestSupport;

/// <summary>Runs a build end to end through <see cref="BuildRunner"/> in a temporary root with a .nuke/ directory.</summary>
public sealed class BuildFixture : IDisposable
{
    private readonly TempDirectory _directory = new("tollgate-cli");

    public BuildFixture()
    {
        Root = new AbsolutePath(_directory.Path);
        Directory.CreateDirectory(Root / ".nuke");
    }

    public AbsolutePath Root { get; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
    };

    public string Output { get; private set; } = string.Empty;

    public async Task<int> RunAsync(TollgateBuild build, string? defaultTarget, params string[] args) =>
        await RunAsync(build, defaultTarget, CancellationToken.None, args);

    public async Task<int> RunAsync(TollgateBuild build, string? defaultTarget, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringBuilder();
        await using var writer = TextWriter.Synchronized(new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture));
        var settings = new BuildRunSettings
        {
            Output = writer,
            OutputRedirected = true,
            Environment = Environment,
            CurrentDirectory = Root,
        };
        var exitCode = await BuildRunner.RunAsync(build, args, defaultTarget, settings, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        Output = output.ToString();
        return exitCode;
    }

    public void Dispose() => _directory.Dispose();
}
