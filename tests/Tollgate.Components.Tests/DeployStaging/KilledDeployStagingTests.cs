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
public sealed class KilledDeployStagingTests(LocalEngineFixture fixture, ITestOutputHelper testOutput) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("tollgate-deploy-staging-killed");
    private readonly string _release = LocalEngineFixture.NewRelease();
    private readonly int _port = ResearchAssistantProcess.FreePort();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private string[] StagingArguments => ["--staging-release", _release, "--staging-port", _port.ToString(CultureInfo.InvariantCulture)];

    private Uri Health => new($"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/health");

    public Task InitializeAsync()
    {
        LocalEngineFixture.PrepareRoot(_root);
        Directory.CreateDirectory(_root[".nuke"]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await fixture.RemoveReleaseAsync(_release);

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    [RequiresEngineTheory]
    [InlineData("started tollgate-", "v1", "v2")]
    [InlineData("router switched to", "v2", "v1")]
    public async Task DeployStaging_killed_with_SIGKILL_during_the_deploy_and_run_again_leaves_one_healthy_release_and_no_orphans(
        string killedAfter, string servedWhenKilled, string leftOver)
    {
        LocalEngineFixture.WriteImageRecord(_root, fixture.Good, "v1");
        var first = await GitHubRun.RunAsync(new StandaloneDeployStagingBuild(), _root.Path, ["DeployStaging", "--skip", .. StagingArguments]);
        first.ExitCode.Should().Be(0, first.Output);

        // The pipeline: the same build program as a process, killed once it logs that the v2 candidate runs (before the
        // switch), or that the router switched to it (before the old release is drained and removed).
        LocalEngineFixture.WriteImageRecord(_root, fixture.Second, "v2");
        string killedOutput;
        using (var build = BuildProcess.Start(_root.Path, ["DeployStaging", "--skip", .. StagingArguments, "--no-logo"]))
        {
            (await build.WaitForLineAsync(killedAfter, TimeSpan.FromMinutes(4))).Should().BeTrue($"the build logs '{killedAfter}'; its output:\n" + build.Output);
            await build.KillGroupAsync();
            killedOutput = build.Output;
            build.ExitCode.Should().Be(137, "SIGKILL ends the process (128 + 9); its output:\n" + killedOutput);
        }

        killedOutput.Should().NotContain("removed tollgate-", "the build was killed before it removed anything").And.NotContain("answers at");
        if (servedWhenKilled == "v1")
        {
            killedOutput.Should().NotContain("router switched to", "the build was killed before the switch");
        }

        var left = await fixture.ContainersAsync(_release);
        left.Where(c => c.Labels[LocalLabels.Role] == "release").Select(c => c.Labels[LocalLabels.Version])
            .Should().BeEquivalentTo(["v1", "v2"], "the killed run left both releases running");
        (await VersionAsync()).Should().Be(servedWhenKilled, "the router serves what it served when the build was killed");

        var rerun = await GitHubRun.RunAsync(new StandaloneDeployStagingBuild(), _root.Path, ["DeployStaging", "--skip", .. StagingArguments]);

        testOutput.WriteLine("killed build:\n" + killedOutput + "\nrerun:\n" + rerun.Output);
        rerun.ExitCode.Should().Be(0, rerun.Output);
        var orphan = left.Single(c => c.Labels.GetValueOrDefault(LocalLabels.Version) == leftOver);
        rerun.Output.Should().Contain($"removed {orphan.Name.TrimStart('/')} (left by an interrupted run)", "the rerun removes the release the killed run left beside the live one")
            .And.Contain($"staging is served by tollgate-{_release}-").And.Contain($"ResearchAssistant (staging) answers at http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/");
        rerun.StepSummary.Should().Contain("| Outcome | Deployed |");

        var containers = await fixture.ContainersAsync(_release);
        containers.Select(c => c.Labels[LocalLabels.Role]).Should().BeEquivalentTo(["router", "release"], "no orphaned container is left: " + string.Join(", ", containers.Select(c => c.Name)));
        containers.Should().OnlyContain(c => c.IsRunning);
        containers.Should().NotContain(c => c.Id == orphan.Id, "what the killed run left is gone");
        var release = containers.Single(c => c.Labels[LocalLabels.Role] == "release");
        release.Labels[LocalLabels.Image].Should().Be(fixture.Second);
        release.Labels[LocalLabels.Version].Should().Be("v2");
        var health = await _http.GetStringAsync(Health);
        health.Should().Contain("\"status\":\"healthy\"").And.Contain("\"version\":\"v2\"");
    }

    private async Task<string?> VersionAsync()
    {
        using var health = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(Health));
        return health.RootElement.GetProperty("version").GetString();
    }
}
