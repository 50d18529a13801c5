using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Local;

/// <summary>
/// SIGKILL of a real process in the middle of a local deploy (tests/Tollgate.Deployment.TestDriver, the platform a build's
/// DeployStaging runs), then a new process deploying again: it converges to exactly one healthy release, the router
/// container and nothing else, and the router serves.
/// </summary>
[Collection(LocalGroup.Name)]
public sealed class KilledDeployTests(LocalFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TestEnvironments environments = new();

    [RequiresEngineFact]
    public async Task A_deploy_process_killed_with_SIGKILL_after_its_candidate_started_converges_on_the_next_run()
    {
        var (environment, killedOutput) = await DeployV1ThenKillV2Async("started tollgate-");
        killedOutput.Should().NotContain("outcome:");

        await NextRunConvergesAsync(environment, "v1", "the killed run left its candidate beside the live release, which the router still serves", fixture.Second, "v2");
    }

    [RequiresEngineFact]
    public async Task A_deploy_process_killed_with_SIGKILL_right_after_the_switch_converges_on_the_next_run()
    {
        var (environment, _) = await DeployV1ThenKillV2Async("router switched to");

        await NextRunConvergesAsync(environment, "v2", "the switch happened before the kill, and the killed run never removed the old release", fixture.Good, "v1");
    }

    [RequiresEngineFact]
    public async Task A_first_deploy_process_killed_with_SIGKILL_before_anything_served_converges_on_the_next_run()
    {
        var environment = New();

        using (var killed = DeployProcess.Start(environment, fixture.Good, "v1", fixture.Session))
        {
            (await killed.WaitForStepAsync("started tollgate-", TimeSpan.FromMinutes(2))).Should().BeTrue(killed.Output);
            await killed.KillGroupAsync();
        }

        var rerun = await DeployProcess.RunAsync(environment, fixture.Good, "v1", fixture.Session);

        rerun.ExitCode.Should().Be(0, rerun.Output);
        await ExactlyOneHealthyReleaseAsync(environment, fixture.Good, "v1");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => environments.RemoveAllAsync(fixture.Engine);

    public void Dispose() => http.Dispose();

    private DeploymentEnvironment New() => environments.Add(fixture.NewEnvironment());

    /// <summary>Deploys v1, then starts a deploy of v2 and sends it SIGKILL once it printed the step <paramref name="killAfter"/>.</summary>
    private async Task<(DeploymentEnvironment Environment, string KilledOutput)> DeployV1ThenKillV2Async(string killAfter)
    {
        var environment = New();
        var first = await DeployProcess.RunAsync(environment, fixture.Good, "v1", fixture.Session);
        first.ExitCode.Should().Be(0, first.Output);

        using var killed = DeployProcess.Start(environment, fixture.Second, "v2", fixture.Session);
        (await killed.WaitForStepAsync(killAfter, TimeSpan.FromMinutes(2))).Should().BeTrue(killed.Output);
        await killed.KillGroupAsync();
        killed.ExitCode.Should().Be(137, "the process died of SIGKILL: " + killed.Output);
        return (environment, killed.Output);
    }

    /// <summary>
    /// The killed run left two releases with the router serving <paramref name="servedWhenKilled"/>; the next deploy
    /// process removes what it left and converges on <paramref name="image"/> alone.
    /// </summary>
    private async Task NextRunConvergesAsync(DeploymentEnvironment environment, string servedWhenKilled, string because, string image, string version)
    {
        (await LocalReleases.ReleasesAsync(fixture.Engine, environment)).Should().HaveCount(2, because);
        (await http.GetStringAsync(new Uri(environment.Url, "health"))).Should().Contain($"\"version\":\"{servedWhenKilled}\"", because);

        var rerun = await DeployProcess.RunAsync(environment, image, version, fixture.Session);

        rerun.ExitCode.Should().Be(0, rerun.Output);
        rerun.Output.Should().Contain("left by an interrupted run");
        await ExactlyOneHealthyReleaseAsync(environment, image, version);
    }

    /// <summary>One release container running <paramref name="image"/>, one router, nothing stopped or left over, and the router serves it.</summary>
    private async Task ExactlyOneHealthyReleaseAsync(DeploymentEnvironment environment, string image, string version)
    {
        var containers = await LocalReleases.ContainersAsync(fixture.Engine, environment);
        containers.Select(c => c.Labels[LocalLabels.Role]).Should().BeEquivalentTo(["router", "release"], "no orphaned container is left: " + string.Join(", ", containers.Select(c => c.Name)));
        containers.Should().OnlyContain(c => c.IsRunning);
        containers.Single(c => c.Labels[LocalLabels.Role] == "release").Labels[LocalLabels.Image].Should().Be(image);
        var health = await http.GetStringAsync(new Uri(environment.Url, "health"));
        health.Should().Contain("\"status\":\"healthy\"").And.Contain($"\"version\":\"{version}\"");
    }
}
