using Tollgate.Components.Tests.LlmEval;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;
using Tollgate.Deployment.Local;

namespace Tollgate.Components.Tests.Local;

/// <summary>
/// The real Docker engine with real images of ResearchAssistant for the component tests of the local platforms: the
/// service's build output (built with this test project) copied onto the runtime base made from the host's .NET (v1),
/// a second image of it (v2, another image id), and one whose /health never answers (its documents folder is missing,
/// so it fails at start). The router image is made here from the repository's router project, so the builds under test
/// find it by its source hash. Images carry this run's session label and are removed at the end; each test removes
/// the containers and networks of its own releases.
/// </summary>
public sealed class LocalEngineFixture() : EngineImagesFixture(new RecordingLog())
{
    private const string Repository = "localhost/tollgate-test/components-ra";

    /// <summary>The image ids of v1, v2 and the broken image.</summary>
    public string Good { get; private set; } = string.Empty;

    public string Second { get; private set; } = string.Empty;

    public string Broken { get; private set; } = string.Empty;

    /// <summary>The repository's router project file.</summary>
    public static string RouterProject => LocalEngine.RouterProject;

    /// <summary>The service's build output folder (built with this test project).</summary>
    private static string ServiceOutput => Path.GetDirectoryName(RealServiceBuild.ServiceAssembly)!;

    protected override async Task BuildImagesAsync(CancellationToken cancellationToken)
    {
        Good = await Local.BuildAppAsync(Repository, "v1", ServiceOutput, "ResearchAssistant.dll", cancellationToken);
        Second = await Local.DeriveAsync(Repository, "v2", Good, "LABEL build.tollgate.test.variant=second", cancellationToken);
        Broken = await Local.DeriveAsync(Repository, "broken", Good, "ENV DOCUMENTS_DIR=/nonexistent", cancellationToken);
    }

    /// <summary>Copies the service's build output into <paramref name="context"/>'s app/ folder.</summary>
    public static void CopyService(TempDirectory context) => context.CopyFrom(ServiceOutput, "app");

    /// <summary>A release name of its own for one test (every container and network of the release carries it).</summary>
    public static string NewRelease() => "tollgate-cov-" + TollgateLabels.NewSession();

    /// <summary>
    /// Prepares a build root with the router project's sources, where the local platforms look for them: the router
    /// image made in <see cref="BuildImagesAsync"/> is found by the same source hash, so no test publishes the router.
    /// </summary>
    public static void PrepareRoot(TempDirectory root)
    {
        foreach (var file in Directory.GetFiles(LocalEngine.RouterProjectDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            root.Write(Path.Combine("src", "Tollgate.Deployment.Router", Path.GetRelativePath(LocalEngine.RouterProjectDirectory, file)), File.ReadAllText(file));
        }
    }

    /// <summary>Writes the Build stage's record of <paramref name="imageId"/> (an image the engine holds, not pushed).</summary>
    public static void WriteImageRecord(TempDirectory root, string imageId, string tag) =>
        root.Write("artifacts/image/image.json", System.Text.Json.JsonSerializer.Serialize(new { repository = Repository, tags = new[] { tag }, imageId }));

    /// <summary>The containers of <paramref name="release"/>, inspected.</summary>
    public async Task<List<ContainerDetails>> ContainersAsync(string release)
    {
        var containers = new List<ContainerDetails>();
        foreach (var id in await Engine.ListContainersAsync(LocalLabels.ReleaseFilter(release), CancellationToken.None))
        {
            if (await Engine.InspectContainerAsync(id, CancellationToken.None) is { } details)
            {
                containers.Add(details);
            }
        }

        return containers;
    }

    /// <summary>Removes everything of <paramref name="release"/> (containers, network).</summary>
    public async Task RemoveReleaseAsync(string release)
    {
        if (Started)
        {
            await Engine.RemoveByLabelAsync(LocalLabels.ReleaseFilter(release), includeImages: false, CancellationToken.None);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalEngineGroup : ICollectionFixture<LocalEngineFixture>
{
    public const string Name = "components-local-engine";
}
