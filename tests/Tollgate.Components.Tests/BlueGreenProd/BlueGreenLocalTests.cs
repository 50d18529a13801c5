using Tollgate.Components.Tests.Local;
using Tollgate.Containers;
using Tollgate.Deployment;
using Tollgate.Deployment.BlueGreen;
using Tollgate.Deployment.Local;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// IBlueGreenProd on the local container platform through the real engine: a BlueGreenProd run, then runs whose
/// pre-promotion analysis is inconclusive (the quality check has no data) and leave the candidate in the preview, then
/// the manual Promote and Abort targets acting on that live state: they read it from the router and the container
/// labels, never from a file; last DestroyProd removing the release.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class BlueGreenLocalTests(LocalEngineFixture fixture) : LocalPlatformTest(fixture, "tollgate-blue-green-local")
{
    private static readonly string[] Fast = ["--scale-down-delay", "0s", "--pre-promotion-count", "1", "--post-promotion-duration", "1s", "--analysis-interval", "1s"];
    private static readonly string[] PausedByQuality = ["--min-quality-score", "0.8"];

    [RequiresEngineFact]
    public async Task Promote_and_Abort_act_on_the_candidate_a_paused_BlueGreenProd_left_in_the_preview()
    {
        var prod = new DeploymentEnvironment("prod", "research-prod", Url, "k8s/research-assistant/values-prod.yaml", PlatformKind.Local)
            .WithRelease(Release);
        var sampler = new UnavailableQualitySampler();
        var build = new LocalBlueGreenBuild(prod, sampler);
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");

        var (exitCode, output, summary) = await build.RunAsync(Root.Path, ["BlueGreenProd", .. Fast]);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"prod serves blue (").And.Contain($"at {prod.Url}");
        summary.Should().Contain("### BlueGreenProd: prod, blue: Succeeded");
        (await VersionAsync(prod.Url)).Should().Be("v1");

        // v2 through the stage: green is deployed, smoke-tested and previewed; the quality check has no data, so the
        // pre-promotion analysis is inconclusive and the run stops with green in the preview for a decision.
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Second, "v2");
        (exitCode, output, summary) = await build.RunAsync(Root.Path, ["BlueGreenProd", .. Fast, .. PausedByQuality]);

        exitCode.Should().Be(1, "a paused release is not a success; its output:\n" + output);
        output.Should().Contain("pre-promotion analysis inconclusive").And.Contain("green stays in the preview for a decision");
        summary.Should().Contain("### BlueGreenProd: prod, green: Aborted");
        var green = await ColourContainer(Colour.Green);
        green.Should().NotBeNull().And.Match<ContainerDetails>(c => c.IsRunning, "the candidate stays up in the preview");
        green!.Labels[LocalLabels.Version].Should().Be("v2");
        var preview = new Uri($"http://127.0.0.1:{green.HostPort(8080)}/");
        sampler.Samples.Should().BeGreaterThan(0);
        sampler.LastServiceUrl.Should().Be(preview, "the analysis sampled the candidate through the preview");
        (await VersionAsync(preview)).Should().Be("v2");
        (await VersionAsync(prod.Url)).Should().Be("v1", "a colour in the preview takes no production traffic");

        (exitCode, output, summary) = await build.RunAsync(Root.Path, "Promote");

        exitCode.Should().Be(0, output);
        output.Should().Contain("live state: active blue (");
        summary.Should().Contain("### prod: promoted green; blue scaled down");
        (await VersionAsync(prod.Url)).Should().Be("v2");
        (await ColourContainer(Colour.Blue)).Should().NotBeNull().And.Match<ContainerDetails>(c => !c.IsRunning, "the old colour is scaled down, kept for a fast rollback");

        // The next candidate (v1 again, into blue) pauses the same way; Abort removes it and production stays on green.
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");
        (exitCode, output, _) = await build.RunAsync(Root.Path, ["BlueGreenProd", .. Fast, .. PausedByQuality]);

        exitCode.Should().Be(1, output);
        output.Should().Contain("blue stays in the preview for a decision");
        (await ColourContainer(Colour.Blue)).Should().NotBeNull().And.Match<ContainerDetails>(c => c.IsRunning && c.Labels[LocalLabels.Version] == "v1");
        (await VersionAsync(prod.Url)).Should().Be("v2");

        (exitCode, output, summary) = await build.RunAsync(Root.Path, "Abort");

        exitCode.Should().Be(0, output);
        summary.Should().Contain("### prod: removed blue; production stays on green");
        (await ColourContainer(Colour.Blue)).Should().BeNull();
        (await VersionAsync(prod.Url)).Should().Be("v2");

        (exitCode, output, _) = await build.RunAsync(Root.Path, "Abort");

        exitCode.Should().Be(1);
        output.Should().Contain("Nothing to abort: active green (").And.Contain("to undo a promotion run ./build.sh Rollback.");
        output.Should().NotContain("   at Tollgate.");

        // DestroyProd (part of ./build.sh Destroy) removes the router, the colours and the network; a second one finds nothing.
        (exitCode, output, _) = await build.RunAsync(Root.Path, "DestroyProd");

        exitCode.Should().Be(0, output);
        output.Should().MatchRegex($@"removed [1-9]\d* containers and 1 networks of {Release}");
        (await Fixture.ContainersAsync(Release)).Should().BeEmpty();
        (exitCode, output, _) = await build.RunAsync(Root.Path, "DestroyProd");
        exitCode.Should().Be(0, output);
        output.Should().Contain($"removed 0 containers and 0 networks of {Release}");
    }

    private async Task<ContainerDetails?> ColourContainer(Colour colour)
    {
        var containers = await Fixture.ContainersAsync(Release);
        return containers.SingleOrDefault(c => c.Labels.GetValueOrDefault(LocalLabels.Colour) == colour.Label());
    }
}
