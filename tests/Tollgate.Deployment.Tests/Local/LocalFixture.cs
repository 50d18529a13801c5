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
public sealed class LocalFixture() : EngineImagesFixture(new Tools())
{
    private const string Repository = "localhost/tollgate-test/research-assistant";

    public string Good { get; private set; } = string.Empty;

    public string Second { get; private set; } = string.Empty;

    public string Broken { get; private set; } = string.Empty;

    protected override async Task BuildImagesAsync(CancellationToken cancellationToken)
    {
        using var app = new TempDirectory("tollgate-ra-app");
        await Processes.RunAsync(new CommandSpec("dotnet").WithArguments("publish", RepositoryRoot.Combine("src", "ResearchAssistant", "ResearchAssistant.csproj"), "-c", "Release", "-o", app.Path, "-p:UseAppHost=false", "-nologo") with { LogOutput = false }, cancellationToken);
        Good = await Local.BuildAppAsync(Repository, "v1", app.Path, "ResearchAssistant.dll", cancellationToken);
        Second = await Local.DeriveAsync(Repository, "v2", Good, "LABEL build.tollgate.test.variant=second", cancellationToken);
        Broken = await Local.DeriveAsync(Repository, "broken", Good, "ENV DOCUMENTS_DIR=/nonexistent", cancellationToken);
    }

    /// <summary>An environment of its own (release name, free port) for one test.</summary>
    public DeploymentEnvironment NewEnvironment() =>
        new("staging", "research-staging", new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "k8s/research-assistant/values-staging.yaml", PlatformKind.Local)
        {
            ReleaseName = "ra-" + TollgateLabels.NewSession(),
        };

    public LocalPlatform Platform(List<string> log, HttpClient http) =>
        new(Engine, RouterImage, http, new LocalPlatformOptions(LocalEngine.RouterProject)
        {
            Session = Session,
            HealthTimeout = TimeSpan.FromSeconds(20),
            DrainTimeout = TimeSpan.FromSeconds(10),
            StopGrace = TimeSpan.FromSeconds(2),
            Smoke = new Tollgate.Deployment.Smoke.SmokeOptions(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10)),
        }, line => { lock (log) { log.Add(line); } });

    public DeploymentRequest Request(DeploymentEnvironment environment, string imageId, string tag) =>
        new(environment, new ImageReference(Repository, imageId, tag) { ImageId = imageId }, TimeSpan.FromMinutes(1))
        {
            SmokeChecks = Tollgate.Deployment.Smoke.ResearchAssistantSmokeChecks.Create(),
        };
}

[CollectionDefinition(Name)]
public sealed class LocalGroup : ICollectionFixture<LocalFixture>
{
    public const string Name = "local-platform";
}
