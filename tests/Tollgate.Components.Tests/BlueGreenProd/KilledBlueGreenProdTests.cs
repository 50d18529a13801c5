using System.Globalization;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Containers;
using Tollgate.Deployment.Local;
using Xunit.Abstractions;

namespace Tollgate.Components.Tests.BlueGreenProd;

/// <summary>
/// The pipeline itself is killed: a build program running the BlueGreenProd target through the engine, in a child
/// process of its own process group, gets SIGKILL (no finally block, no cancellation, no cleanup runs) while the new
/// colour sits in the preview under pre-promotion analysis, or after the switch while post-promotion analysis runs and
/// the previous colour is still warm. The same target run again through the engine reads the live state from the
/// router and the container labels, says what it found and what it replaced, and ends with one healthy active colour
/// on the prod port, the router, the scaled-down previous colour, and nothing else.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class KilledBlueGreenProdTests(LocalEngineFixture fixture, ITestOutputHelper testOutput)
    : LocalPlatformTest(fixture, "tollgate-blue-green-killed")
{
    private static readonly string[] Fast = ["--scale-down-delay", "0s", "--pre-promotion-count", "1", "--post-promotion-duration", "1s", "--analysis-interval", "1s"];

    private string[] ProdArguments => ["--prod-release", Release, "--prod-port", Port.ToString(CultureInfo.InvariantCulture)];

    [RequiresEngineTheory]
    [InlineData("pre-promotion", "green", "v1", "blue")]
    [InlineData("post-promotion", "blue", "v2", "green")]
    public async Task BlueGreenProd_killed_with_SIGKILL_during_analysis_and_run_again_ends_with_one_healthy_active_colour_and_no_orphans(
        string killedIn, string expectedActive, string servedWhenKilled, string liveWhenKilled)
    {
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");
        var (exitCode, output, _) = await GitHubRun.RunAsync(new StandaloneBuild(), Root.Path, ["BlueGreenProd", .. ProdArguments, .. Fast]);
        exitCode.Should().Be(0, output);

        // The pipeline: the same build program as a process, its analysis long enough to be killed inside (detected by its log line).
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Second, "v2");
        string[] longAnalysis = killedIn == "pre-promotion" ? ["--pre-promotion-count", "300"] : ["--pre-promotion-count", "1", "--post-promotion-duration", "300s"];
        var killedOutput = await KilledBuildOutputAsync(["BlueGreenProd", .. ProdArguments, .. longAnalysis, "--analysis-interval", "1s"], $"analysis {killedIn}:", async () =>
        {
            var green = await ColourContainerAsync("green");
            green.Should().NotBeNull("the candidate runs when the pipeline is killed");
            green!.IsRunning.Should().BeTrue();
            green.Labels[LocalLabels.Version].Should().Be("v2");
            (await ColourContainerAsync("blue")).Should().Match<ContainerDetails>(c => c.IsRunning, "the previous colour still serves or is kept warm");
            (await VersionAsync()).Should().Be(servedWhenKilled, $"prod is served by {liveWhenKilled} when the build is killed");
        });

        killedOutput.Should().NotContain("scaled down", "the build never finished").And.NotContain("Build succeeded");
        var rerun = await GitHubRun.RunAsync(new StandaloneBuild(), Root.Path, ["BlueGreenProd", .. ProdArguments, .. Fast]);

        testOutput.WriteLine("killed build:\n" + killedOutput + "\nrerun:\n" + rerun.Output);
        rerun.ExitCode.Should().Be(0, rerun.Output);
        var idleWhenKilled = liveWhenKilled == "blue" ? "green" : "blue";
        rerun.Output.Should().Contain($"live state: active {liveWhenKilled} (").And.Contain($"; {idleWhenKilled} (", "the rerun reports both colours the killed run left running")
            .And.Contain($"tollgate-{Release}-{expectedActive} (", "the leftover idle colour is replaced");
        rerun.Output.Should().MatchRegex($@"{expectedActive} \([^)]+\) runs without production traffic, left by a run that did not finish", "the rerun says what the killed run left");
        rerun.Output.Should().Contain("replaced by the new version").And.Contain($"production traffic switched to {expectedActive}");
        rerun.StepSummary.Should().Contain($"### BlueGreenProd: prod, {expectedActive}: Succeeded");

        var containers = await Fixture.ContainersAsync(Release);
        containers.Should().HaveCount(3, "the router, the active colour and the scaled-down previous colour: " + string.Join(", ", containers.Select(c => c.Name)));
        containers.Where(c => c.Labels[LocalLabels.Role] == "router").Should().ContainSingle().Which.IsRunning.Should().BeTrue();
        var colours = containers.Where(c => c.Labels[LocalLabels.Role] == "colour").ToList();
        colours.Select(c => c.Labels[LocalLabels.Colour]).Should().BeEquivalentTo("blue", "green");
        colours.Where(c => c.IsRunning).Should().ContainSingle("exactly one colour serves").Which.Labels[LocalLabels.Colour].Should().Be(expectedActive);
        (await VersionAsync()).Should().Be("v2", "the prod port answers from the active colour");
    }

    private async Task<ContainerDetails?> ColourContainerAsync(string colour) =>
        (await Fixture.ContainersAsync(Release)).SingleOrDefault(c => c.Labels.GetValueOrDefault(LocalLabels.Role) == "colour" && c.Labels.GetValueOrDefault(LocalLabels.Colour) == colour);
}
