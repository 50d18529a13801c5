using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;

namespace Tollgate.Components.Tests.BuildImage;

/// <summary>
/// The set-up of a Build-stage test: a temporary git repository holding the service's build output (app/) and, when the
/// test gives one, a Dockerfile of it, committed; at the end every container, network and image labelled for the
/// repository (the project label Build sets) is removed from the engine.
/// </summary>
public abstract class ServiceRepositoryTest : IAsyncLifetime, IDisposable
{
    private readonly string? _dockerfile;

    /// <summary>Names the repository's folder after <paramref name="rootPrefix"/>; commits <paramref name="dockerfile"/> when given.</summary>
    protected ServiceRepositoryTest(LocalEngineFixture fixture, string rootPrefix, string? dockerfile)
    {
        Fixture = fixture;
        Root = new TempDirectory(rootPrefix);
        _dockerfile = dockerfile;
    }

    protected LocalEngineFixture Fixture { get; }

    protected TempDirectory Root { get; }

    /// <summary>The label filter of everything the engine holds for this repository.</summary>
    protected string Project => TollgateLabels.ProjectFilter(Root.Path);

    /// <summary>A Dockerfile of the service on the runtime base (build argument BASE_IMAGE), with <paramref name="environment"/> as an ENV instruction when given.</summary>
    protected static string ServiceDockerfile(string? environment = null) =>
        "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\n" + (environment is null ? string.Empty : $"ENV {environment}\n")
        + "USER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n";

    public async Task InitializeAsync()
    {
        LocalEngineFixture.CopyService(Root);
        Root.Write(".gitignore", "app/\nartifacts/\n.nuke/\nstep-summary.md\n");
        if (_dockerfile is not null)
        {
            Root.Write("Dockerfile", _dockerfile);
        }

        await new GitRepository(Root).InitAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Fixture.Engine is not null)
        {
            await Fixture.Engine.RemoveByLabelAsync(Project, includeImages: true, CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Root.Dispose();
        }
    }
}
