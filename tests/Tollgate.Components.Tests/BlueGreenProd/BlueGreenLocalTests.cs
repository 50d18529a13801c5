using Tollgate.Components.Tests.Local;
using Tollgate.Containers;
using Tollgate.Deployment;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// IBlueGreenProd on the local container platform through the real engine: a BlueGreenProd run, then the manual
/// Promote and Abort targets acting on live state that another platform instance left (as a paused or interrupted run
/// does): they read it from the router and the container labels, never from a file.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BlueGreenLocalTests(LocalEngineFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly string[] Fast = ["--scale-down-delay", "0s", "--pre-promotion-count", "1", "--post-promotion-duration", "1s", "--analysis-interval", "1s"];
    private readonly TempDirectory _root = new("tollgate-blue-green-local");
    private readonly string _release = LocalEngineFixture.NewRelease();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync()
    {
        LocalEngineFixture.PrepareRoot(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await fixture.RemoveReleaseAsync(_release);
    }

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    [RequiresEngineFact]
    public async Task Promote_and_Abort_act_on_the_live_state_of_the_local_platform()
    {
        var prod = new DeploymentEnvironment("prod", "research-prod", new Uri($"http://127.0.0.1:{DeployStaging.ResearchAssistantProcess.FreePort()}/"), "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
            .WithRelease(_release);
        var build = new LocalBlueGreenBuild(prod);
        LocalEngineFixture.WriteImageRecord(_root, fixture.Good, "v1");

        var (exitCode, output, summary) = await build.RunAsync(_root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"prod serves blue (").And.Contain($"at {prod.Url}");
        summary.Should().Contain("### BlueGreenProd: prod, blue: Succeeded");
        (await Version(prod.Url)).Should().Be("v1");

        // A run that left green (v2) in the preview for a decision, as an inconclusive analysis does.
        await LeaveInPreviewAsync(prod, Colour.Green, fixture.Second, "v2");
        (await Version(prod.Url)).Should().Be("v1", "a colour in the preview takes no production traffic");

        (exitCode, output, summary) = await build.RunAsync(_root.Path, "Promote");

        exitCode.Should().Be(0, output);
        output.Should().Contain("live state: active blue (");
        summary.Should().Contain("### prod: promoted green; blue scaled down");
        (await Version(prod.Url)).Should().Be("v2");
        (await ColourContainer(Colour.Blue)).Should().NotBeNull().And.Match<ContainerDetails>(c => !c.IsRunning, "the old colour is scaled down, kept for a fast rollback");

        // The next candidate (blue, v1 again) in the preview: Abort removes it and production stays on green.
        await LeaveInPreviewAsync(prod, Colour.Blue, fixture.Good, "v1");

        (exitCode, output, summary) = await build.RunAsync(_root.Path, "Abort");

        exitCode.Should().Be(0, output);
        summary.Should().Contain("### prod: removed blue; production stays on green");
        (await ColourContainer(Colour.Blue)).Should().BeNull();
        (await Version(prod.Url)).Should().Be("v2");

        (exitCode, output, _) = await build.RunAsync(_root.Path, "Abort");

        exitCode.Should().Be(1);
        output.Should().Contain("Nothing to abort: active green (").And.Contain("to undo a promotion run ./build.sh Rollback.");
        output.Should().NotContain("   at Tollgate.");
    }

    private async Task LeaveInPreviewAsync(DeploymentEnvironment prod, Colour colour, string imageId, string tag)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var platform = new LocalBlueGreenPlatform(fixture.Engine, fixture.RouterImage, http, new LocalPlatformOptions(LocalEngineFixture.RouterProject) { Session = fixture.Session }, prod, _ => { });
        await platform.ReadStateAsync(CancellationToken.None);
        var problem = await platform.DeployAsync(colour, new ImageReference("localhost/tollgate-test/components-ra", imageId, tag) { ImageId = imageId }, CancellationToken.None);
        problem.Should().BeNull();
        await platform.PreviewAsync(colour, CancellationToken.None);
    }

    private async Task<ContainerDetails?> ColourContainer(Colour colour)
    {
        var containers = await fixture.ContainersAsync(_release);
        return containers.SingleOrDefault(c => c.Labels.GetValueOrDefault(LocalLabels.Colour) == colour.Label());
    }

    private async Task<string?> Version(Uri url)
    {
        using var health = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(new Uri(url, "health")));
        return health.RootElement.GetProperty("version").GetString();
    }
}
