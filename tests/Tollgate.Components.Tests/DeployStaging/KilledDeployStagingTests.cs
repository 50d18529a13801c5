using System.Globalization;
using Tollgate.Components.Tests.Local;
using Tollgate.Components.Tests.TestSupport;
using Tollgate.Deployment.Local;
using Xunit.Abstractions;

namespace Tollgate.Components.Tests.DeployStaging;

/// <summary>
/// The pipeline itself is killed: a build program running the DeployStaging target through the engine on the local
/// platform, in a child process of its own process group, gets SIGKILL (no finally block, no cancellation, no cleanup
/// runs) once its candidate release container is started (before the router switches to it), or once the router
/// switched (before the old release is drained and removed). The same target run again through the engine removes what
/// the killed run left, deploys, and ends with one healthy release behind the router, the router, and nothing else
/// under the test's release label.
/// </summary>
[Collection(LocalEngineGroup.Name)]
public sealed class KilledDeployStagingTests(LocalEngineFixture fixture, ITestOutputHelper testOutput)
    : LocalPlatformTest(fixture, "tollgate-deploy-staging-killed")
{
    private string[] StagingArguments => ["--staging-release", Release, "--staging-port", Port.ToString(CultureInfo.InvariantCulture)];

    [RequiresEngineTheory]
    [InlineData("started tollgate-", "v1", "v2")]
    [InlineData("router switched to", "v2", "v1")]
    public async Task DeployStaging_killed_with_SIGKILL_during_the_deploy_and_run_again_leaves_one_healthy_release_and_no_orphans(
        string killedAfter, string servedWhenKilled, string leftOver)
    {
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Good, "v1");
        var first = await GitHubRun.RunAsync(new StandaloneBuild(), Root.Path, ["DeployStaging", "--skip", .. StagingArguments]);
        first.ExitCode.Should().Be(0, first.Output);

        // The pipeline: the same build program as a process, killed once it logs that the v2 candidate runs (before the
        // switch), or that the router switched to it (before the old release is drained and removed).
        LocalEngineFixture.WriteImageRecord(Root, Fixture.Second, "v2");
        var killedOutput = await KilledBuildOutputAsync(["DeployStaging", "--skip", .. StagingArguments], killedAfter);

        killedOutput.Should().NotContain("removed tollgate-", "the build was killed before it removed anything").And.NotContain("answers at");
        if (servedWhenKilled == "v1")
        {
            killedOutput.Should().NotContain("router switched to", "the build was killed before the switch");
        }

        var left = await Fixture.ContainersAsync(Release);
        left.Where(c => c.Labels[LocalLabels.Role] == "release").Select(c => c.Labels[LocalLabels.Version])
            .Should().BeEquivalentTo(["v1", "v2"], "the killed run left both releases running");
        (await VersionAsync()).Should().Be(servedWhenKilled, "the router serves what it served when the build was killed");

        var rerun = await GitHubRun.RunAsync(new StandaloneBuild(), Root.Path, ["DeployStaging", "--skip", .. StagingArguments]);

        testOutput.WriteLine("killed build:\n" + killedOutput + "\nrerun:\n" + rerun.Output);
        rerun.ExitCode.Should().Be(0, rerun.Output);
        var orphan = left.Single(c => c.Labels.GetValueOrDefault(LocalLabels.Version) == leftOver);
        rerun.Output.Should().Contain($"removed {orphan.Name.TrimStart('/')} (left by an interrupted run)", "the rerun removes the release the killed run left beside the live one")
            .And.Contain($"staging is served by tollgate-{Release}-").And.Contain($"ResearchAssistant (staging) answers at http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
        rerun.StepSummary.Should().Contain("| Outcome | Deployed |");

        var containers = await Fixture.ContainersAsync(Release);
        containers.Select(c => c.Labels[LocalLabels.Role]).Should().BeEquivalentTo(["router", "release"], "no orphaned container is left: " + string.Join(", ", containers.Select(c => c.Name)));
        containers.Should().OnlyContain(c => c.IsRunning);
        containers.Should().NotContain(c => c.Id == orphan.Id, "what the killed run left is gone");
        var release = containers.Single(c => c.Labels[LocalLabels.Role] == "release");
        release.Labels[LocalLabels.Image].Should().Be(Fixture.Second);
        release.Labels[LocalLabels.Version].Should().Be("v2");
        var health = await Http.GetStringAsync(new Uri(Url, "health"));
        health.Should().Contain("\"status\":\"healthy\"").And.Contain("\"version\":\"v2\"");
    }
}
