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
public sealed class LocalEngineFixture : IAsyncLifetime
{
    public string Session { get; } = "test-" + TollgateLabels.NewSession();

    public RecordingLog Log { get; } = new();

    public ContainerEngineClient Engine { get; private set; } = null!;

    /// <summary>The router image, made from the repository's router project.</summary>
    public RouterImage RouterImage { get; private set; } = null!;

    /// <summary>The runtime base image made from the host's .NET.</summary>
    public string RuntimeImage { get; private set; } = string.Empty;

    /// <summary>The image ids of v1, v2 and the broken image.</summary>
    public string Good { get; private set; } = string.Empty;

    public string Second { get; private set; } = string.Empty;

    public string Broken { get; private set; } = string.Empty;

    /// <summary>The repository's router project.</summary>
    public static string RouterProjectDirectory => Path.Combine(RealServiceBuild.Repository, "src", "Tollgate.Deployment.Router");

    /// <summary>The repository's router project file.</summary>
    public static string RouterProject => Path.Combine(RouterProjectDirectory, "Tollgate.Deployment.Router.csproj");

    public async Task InitializeAsync()
    {
        if (!LocalEngineFactAttribute.EngineHere)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        Engine = await ContainerEngineClient.ConnectAsync(Log, timeout.Token);
        var processes = Processes.Create(Log);
        var baseImages = new HostDotnetBaseImages(Engine, processes, Log);
        RouterImage = new RouterImage(Engine, baseImages, processes, Log);
        await RouterImage.EnsureAsync(RouterProject, timeout.Token);
        var runtime = await baseImages.EnsureRuntimeImageAsync(timeout.Token);
        RuntimeImage = runtime.Reference;
        using var context = new TempDirectory("tollgate-components-image");
        CopyService(context);
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");
        Good = await BuildAsync(context.Path, "v1", runtime.Reference, timeout.Token);
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nLABEL build.tollgate.test.variant=second\n");
        Second = await BuildAsync(context.Path, "v2", Good, timeout.Token);
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nENV DOCUMENTS_DIR=/nonexistent\n");
        Broken = await BuildAsync(context.Path, "broken", Good, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(Session), includeImages: true, CancellationToken.None);
            Engine.Dispose();
        }
    }

    /// <summary>Copies the service's build output into <paramref name="context"/>'s app/ folder.</summary>
    public static void CopyService(TempDirectory context)
    {
        var output = Path.GetDirectoryName(RealServiceBuild.ServiceAssembly)!;
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(context.Path, "app", Path.GetRelativePath(output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A release name of its own for one test (every container and network of the release carries it).</summary>
    public static string NewRelease() => "tollgate-cov-" + TollgateLabels.NewSession();

    /// <summary>
    /// Prepares a build root with the router project's sources, where the local platforms look for them: the router
    /// image made in <see cref="InitializeAsync"/> is found by the same source hash, so no test publishes the router.
    /// </summary>
    public static void PrepareRoot(TempDirectory root)
    {
        foreach (var file in Directory.GetFiles(RouterProjectDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            root.Write(Path.Combine("src", "Tollgate.Deployment.Router", Path.GetRelativePath(RouterProjectDirectory, file)), File.ReadAllText(file));
        }
    }

    /// <summary>Writes the Build stage's record of <paramref name="imageId"/> (an image the engine holds, not pushed).</summary>
    public static void WriteImageRecord(TempDirectory root, string imageId, string tag) =>
        root.Write("artifacts/image/image.json", System.Text.Json.JsonSerializer.Serialize(new { repository = "localhost/tollgate-test/components-ra", tags = new[] { tag }, imageId }));

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
        if (Engine is not null)
        {
            await Engine.RemoveByLabelAsync(LocalLabels.ReleaseFilter(release), includeImages: false, CancellationToken.None);
        }
    }

    private async Task<string> BuildAsync(string context, string tag, string baseImage, CancellationToken cancellationToken)
    {
        var built = await Engine.BuildImageAsync(new ImageBuildRequest(context)
        {
            Tags = [$"localhost/tollgate-test/components-ra:{Session}-{tag}"],
            BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage },
            Labels = TollgateLabels.For(Session, "tests"),
        }, cancellationToken);
        return built.Id;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalEngineGroup : ICollectionFixture<LocalEngineFixture>
{
    public const string Name = "components-local-engine";
}

/// <summary>A fact that needs the Docker engine; skipped without one unless TOLLGATE_REQUIRE_TOOLS=1 (then it fails).</summary>
public sealed class LocalEngineFactAttribute : FactAttribute
{
    public LocalEngineFactAttribute()
    {
        Skip = EngineHere ? null : "No container engine socket here (bash .ci/install.d/10-docker.sh starts one); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";
        Timeout = 600_000;
    }

    public static bool EngineHere =>
        File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || RequiredTools.AreRequired;
}
