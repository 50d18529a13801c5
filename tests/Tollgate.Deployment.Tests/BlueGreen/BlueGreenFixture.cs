using Tollgate.Containers;
using Tollgate.Deployment.Analysis;
using Tollgate.Deployment.Analysis.Providers;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Notifications;
using Tollgate.Deployment.Smoke;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.BlueGreen;

/// <summary>
/// Small images of a purpose-built service (BlueGreen/ColourApp: ResearchAssistant's endpoints and metric names),
/// published on the host and copied onto the runtime base made from the host's .NET: v1, v2 (another image id), one
/// whose /query answers 500 after its first 40 requests, and one where every second /query answers 500. Built once
/// for the collection; everything carries this run's session label and is removed at the end.
/// </summary>
public sealed class BlueGreenFixture() : EngineImagesFixture(new Tools())
{
    public const string Repository = "localhost/tollgate-test/colour-app";

    public string V1 { get; private set; } = string.Empty;

    public string V2 { get; private set; } = string.Empty;

    public string BreaksUnderLoad { get; private set; } = string.Empty;

    public string Flaky { get; private set; } = string.Empty;

    protected override async Task BuildImagesAsync(CancellationToken cancellationToken)
    {
        using var source = new TempDirectory("tollgate-colour-app");
        var sources = Path.Combine(AppContext.BaseDirectory, "BlueGreen", "ColourApp");
        File.Copy(Path.Combine(sources, "ColourApp.csproj.txt"), source["ColourApp.csproj"]);
        File.Copy(Path.Combine(sources, "Program.cs.txt"), source["Program.cs"]);
        using var app = new TempDirectory("tollgate-colour-app-out");
        await Processes.RunAsync(new CommandSpec("dotnet").WithArguments("publish", source["ColourApp.csproj"], "-c", "Release", "-o", app.Path, "-p:UseAppHost=false", "-nologo") with { LogOutput = false }, cancellationToken);
        V1 = await Local.BuildAppAsync(Repository, "v1", app.Path, "ColourApp.dll", cancellationToken);
        V2 = await Local.DeriveAsync(Repository, "v2", V1, "LABEL build.tollgate.test.variant=v2", cancellationToken);
        BreaksUnderLoad = await Local.DeriveAsync(Repository, "breaks", V1, "ENV QUERY_FAILS_AFTER=40", cancellationToken);
        Flaky = await Local.DeriveAsync(Repository, "flaky", V1, "ENV QUERY_FAIL_EVERY=2", cancellationToken);
    }

    /// <summary>An environment of its own (release name, free port) for one test.</summary>
    public static DeploymentEnvironment NewEnvironment() =>
        new("prod", "research-prod", new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
        {
            ReleaseName = "bg-" + TollgateLabels.NewSession(),
        };

    public static LocalPlatformOptions Options(string session) => new(LocalEngine.RouterProject)
    {
        Session = session,
        HealthTimeout = TimeSpan.FromSeconds(30),
        DrainTimeout = TimeSpan.FromSeconds(10),
        StopGrace = TimeSpan.FromSeconds(2),
    };

    public LocalBlueGreenPlatform Platform(DeploymentEnvironment environment, HttpClient http, Action<string> log) =>
        new(Engine, RouterImage, http, Options(Session), environment, log);

    public static ImageReference Image(string imageId, string tag) => new(Repository, imageId, tag) { ImageId = imageId };

    public static BlueGreenDeployer Deployer(IBlueGreenPlatform platform, HttpClient http, Action<string> log) =>
        new(platform, new SmokeTestRunner(http), SystemAnalysisClock.Instance, NullDeploymentNotifier.Instance, null, log);

    /// <summary>A release without analysis, the previous colour scaled down after <paramref name="delay"/>.</summary>
    public static BlueGreenRequest Request(string imageId, string tag, TimeSpan? delay = null) => new("prod", Image(imageId, tag))
    {
        SmokeChecks = ResearchAssistantSmokeChecks.Create(),
        Smoke = new SmokeOptions(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5)),
        ScaleDownDelay = delay ?? TimeSpan.FromSeconds(1),
    };

    /// <summary>Error rate of the colour's own /metrics, at most 1 %, <paramref name="count"/> times <paramref name="interval"/> apart.</summary>
    public static Func<Uri, AnalysisTemplate> ErrorRate(HttpClient http, string name, int count, TimeSpan interval) => url => new AnalysisTemplate(name,
    [
        new AnalysisMetric("error-rate", new ServiceMetricsProvider(http, new Uri(url, "/metrics"), ServiceMetric.ErrorRate))
        {
            Count = count,
            Interval = interval,
            SuccessCondition = MetricCondition.AtMost(0.01),
            InconclusiveLimit = count,
        },
    ]);
}

[CollectionDefinition(Name)]
public sealed class BlueGreenGroup : ICollectionFixture<BlueGreenFixture>
{
    public const string Name = "local-blue-green";
}
