using Tollgate.Containers;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Local;

/// <summary>
/// The real Docker engine and real images of ResearchAssistant, built once for the collection: the app published on the
/// host onto the runtime base made from the host's .NET (v1), a second build of it (v2, another image id), and one whose
/// /health never answers (its documents folder is missing, so it fails at start). Everything the tests create carries
/// this run's session label and is removed at the end.
/// </summary>
public sealed class LocalFixture : IAsyncLifetime
{
    public string Session { get; } = "test-" + TollgateLabels.NewSession();

    public Tools Tools { get; } = new();

    public ContainerEngineClient Engine { get; private set; } = null!;

    public string Good { get; private set; } = string.Empty;

    public string Second { get; private set; } = string.Empty;

    public string Broken { get; private set; } = string.Empty;

    public RouterImage RouterImage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!LocalFactAttribute.EngineHere)
        {
            return;
        }

        Engine = await ContainerEngineClient.ConnectAsync(Tools, CancellationToken.None);
        var baseImages = new HostDotnetBaseImages(Engine, Tools.Runner, Tools);
        RouterImage = new RouterImage(Engine, baseImages, Tools.Runner, Tools);
        var runtime = await baseImages.EnsureRuntimeImageAsync(CancellationToken.None);
        using var context = new TempDirectory("tollgate-ra-image");
        await Tools.Runner.RunAsync(new CommandSpec("dotnet").WithArguments("publish", Path.Combine(RepositoryRoot.Path, "src", "ResearchAssistant", "ResearchAssistant.csproj"), "-c", "Release", "-o", context["app"], "-p:UseAppHost=false", "-nologo") with { LogOutput = false }, CancellationToken.None);
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY app/ /app/\nWORKDIR /app\nUSER 1654\nENTRYPOINT [\"dotnet\", \"/app/ResearchAssistant.dll\"]\n");
        Good = await BuildAsync(context.Path, "v1", new Dictionary<string, string> { ["BASE_IMAGE"] = runtime.Reference });
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nLABEL build.tollgate.test.variant=second\n");
        Second = await BuildAsync(context.Path, "v2", new Dictionary<string, string> { ["BASE_IMAGE"] = Good });
        context.Write("Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nENV DOCUMENTS_DIR=/nonexistent\n");
        Broken = await BuildAsync(context.Path, "broken", new Dictionary<string, string> { ["BASE_IMAGE"] = Good });
    }

    public async Task DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.RemoveByLabelAsync(TollgateLabels.SessionFilter(Session), includeImages: true, CancellationToken.None);
            Engine.Dispose();
        }
    }

    /// <summary>An environment of its own (release name, free port) for one test.</summary>
    public DeploymentEnvironment NewEnvironment() =>
        new("staging", "research-staging", new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
        {
            ReleaseName = "ra-" + TollgateLabels.NewSession(),
        };

    public LocalPlatform Platform(List<string> log, HttpClient http) =>
        new(Engine, RouterImage, http, new LocalPlatformOptions(Path.Combine(RepositoryRoot.Path, "src", "Tollgate.Deployment.Router", "Tollgate.Deployment.Router.csproj"))
        {
            Session = Session,
            HealthTimeout = TimeSpan.FromSeconds(20),
            DrainTimeout = TimeSpan.FromSeconds(10),
            StopGrace = TimeSpan.FromSeconds(2),
            Smoke = new Tollgate.Deployment.Smoke.SmokeOptions(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10)),
        }, line => { lock (log) { log.Add(line); } });

    public DeploymentRequest Request(DeploymentEnvironment environment, string imageId, string tag) =>
        new(environment, new ImageReference("localhost/tollgate-test/research-assistant", imageId, tag) { ImageId = imageId }, TimeSpan.FromMinutes(1))
        {
            SmokeChecks = Tollgate.Deployment.Smoke.ResearchAssistantSmokeChecks.Create(),
        };

    private async Task<string> BuildAsync(string context, string tag, Dictionary<string, string> buildArgs)
    {
        var built = await Engine.BuildImageAsync(new ImageBuildRequest(context)
        {
            Tags = [$"localhost/tollgate-test/research-assistant:{Session}-{tag}"],
            BuildArgs = buildArgs,
            Labels = TollgateLabels.For(Session, "tests"),
        }, CancellationToken.None);
        return built.Id;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalGroup : ICollectionFixture<LocalFixture>
{
    public const string Name = "local-platform";
}

/// <summary>A fact that needs the Docker engine; skipped without one unless TOLLGATE_REQUIRE_TOOLS=1.</summary>
public sealed class LocalFactAttribute : FactAttribute
{
    public LocalFactAttribute()
    {
        Skip = EngineHere || RequiredTools.AreRequired ? null : "No container engine socket here (see .ci/install.d/10-docker.sh); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure.";
        Timeout = 300_000;
    }

    public static bool EngineHere =>
        File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || RequiredTools.AreRequired;
}
