using Tollgate.Deployment.Local;
using Tollgate.Deployment.Tests.Support;
using Tollgate.TestSupport;

namespace Tollgate.Deployment.Tests.Local;

/// <summary>The local platform on the real Docker engine with real ResearchAssistant images and the real router image.</summary>
[Collection(LocalGroup.Name)]
public sealed class LocalPlatformTests(LocalFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly List<string> log = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TestEnvironments environments = new();

    [RequiresEngineFact]
    public async Task A_redeploy_under_steady_load_fails_no_request_and_leaves_one_release()
    {
        var environment = New();
        var platform = fixture.Platform(log, http);
        var first = await platform.DeployAsync(fixture.Request(environment, fixture.Good, "v1"), CancellationToken.None);
        first.Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());
        first.Smoke.Results.Select(r => r.Check.Name).Should().Equal("health", "query", "metrics");

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var load = new LoadDriver(new Uri(environment.Url, "health"), workers: 4, maxRequests: 200_000);
        var running = load.RunAsync(stop.Token);
        await Task.Delay(500);
        var second = await platform.DeployAsync(fixture.Request(environment, fixture.Second, "v2"), CancellationToken.None);
        await Task.Delay(500);
        load.Stop();
        var result = await running;

        second.Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());
        result.Failures.Should().Be(0, "{0}", string.Join("\n", result.FailureSamples));
        result.Succeeded.Should().BeGreaterThan(100);
        var releases = await Releases(environment);
        releases.Should().ContainSingle();
        releases[0].Image.Should().Be(fixture.Second);
        releases[0].PreviousImage.Should().Be(fixture.Good);
        (await http.GetStringAsync(new Uri(environment.Url, "health"))).Should().Contain("\"version\":\"v2\"");
    }

    [RequiresEngineFact]
    public async Task A_release_whose_health_fails_is_rolled_back_and_the_previous_keeps_serving()
    {
        var environment = New();
        var platform = fixture.Platform(log, http);
        (await platform.DeployAsync(fixture.Request(environment, fixture.Good, "v1"), CancellationToken.None)).Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());

        var result = await platform.DeployAsync(fixture.Request(environment, fixture.Broken, "broken"), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.RolledBack, "{0}", Why());
        result.FailureReason.Should().Contain("before /health answered");
        result.ServingImage!.Digest.Should().Be(fixture.Good);
        result.ToMarkdown().Should().Contain("| Outcome | RolledBack |");
        (await http.GetStringAsync(new Uri(environment.Url, "health"))).Should().Contain("\"version\":\"v1\"");
        (await Releases(environment)).Should().ContainSingle().Which.Image.Should().Be(fixture.Good);
    }

    [RequiresEngineFact]
    public async Task A_first_release_that_fails_leaves_nothing_serving_and_says_so()
    {
        var environment = New();

        var result = await fixture.Platform(log, http).DeployAsync(fixture.Request(environment, fixture.Broken, "broken"), CancellationToken.None);

        result.Outcome.Should().Be(DeploymentOutcome.Failed);
        (await Releases(environment)).Should().BeEmpty();
    }

    [RequiresEngineFact]
    public async Task A_deploy_cancelled_after_its_candidate_started_and_a_lost_router_converge_on_the_next_run_to_one_healthy_release()
    {
        var environment = New();
        var platform = fixture.Platform(log, http);
        (await platform.DeployAsync(fixture.Request(environment, fixture.Good, "v1"), CancellationToken.None)).Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());

        // Cancellation at a point, in this process (KilledDeployTests SIGKILLs a real deploy process): the platform cleans
        // up nothing on cancellation, so this leaves a second release container, registered but never live.
        using var kill = new CancellationTokenSource();
        var watched = new List<string>();
        var deploying = fixture.Platform(watched, http).DeployAsync(fixture.Request(environment, fixture.Second, "v2"), kill.Token);
        while (!deploying.IsCompleted && !Snapshot(watched).Any(l => l.StartsWith("started tollgate-", StringComparison.Ordinal)))
        {
            await Task.Delay(20);
        }

        await kill.CancelAsync();
        await FluentActions.Awaiting(() => deploying).Should().ThrowAsync<OperationCanceledException>();
        (await Releases(environment)).Should().HaveCount(2, "the interrupted run left its candidate");
        var router = (await fixture.Engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None)).ToList();
        foreach (var id in router)
        {
            var details = await fixture.Engine.InspectContainerAsync(id, CancellationToken.None);
            if (details!.Labels[LocalLabels.Role] == "router")
            {
                await fixture.Engine.RemoveContainerAsync(id, CancellationToken.None);
            }
        }

        var rerun = await platform.DeployAsync(fixture.Request(environment, fixture.Second, "v2"), CancellationToken.None);

        rerun.Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());
        rerun.Steps.Should().Contain(s => s.Contains("left by an interrupted run", StringComparison.Ordinal));
        var releases = await Releases(environment);
        releases.Should().ContainSingle().Which.Image.Should().Be(fixture.Second);
        (await http.GetStringAsync(new Uri(environment.Url, "health"))).Should().Contain("healthy");
    }

    [RequiresEngineFact]
    public async Task Destroy_removes_every_container_and_the_network_and_is_idempotent()
    {
        var environment = New();
        var platform = fixture.Platform(log, http);
        (await platform.DeployAsync(fixture.Request(environment, fixture.Good, "v1"), CancellationToken.None)).Outcome.Should().Be(DeploymentOutcome.Deployed, "{0}", Why());

        var lines = await platform.DestroyAsync(environment, CancellationToken.None);
        var again = await platform.DestroyAsync(environment, CancellationToken.None);

        lines.Single().Should().Contain("removed 2 containers and 1 networks");
        again.Single().Should().Contain("removed 0 containers and 0 networks");
        (await fixture.Engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None)).Should().BeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => environments.RemoveAllAsync(fixture.Engine);

    public void Dispose() => http.Dispose();

    private DeploymentEnvironment New() => environments.Add(fixture.NewEnvironment());

    private string Why()
    {
        lock (log)
        {
            return string.Join("\n", log);
        }
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    private async Task<List<LocalRelease>> Releases(DeploymentEnvironment environment)
    {
        var releases = new List<LocalRelease>();
        foreach (var id in await fixture.Engine.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), CancellationToken.None))
        {
            var details = await fixture.Engine.InspectContainerAsync(id, CancellationToken.None);
            if (details is not null && details.Labels[LocalLabels.Role] == "release")
            {
                releases.Add(new LocalRelease(details));
            }
        }

        return releases;
    }
}
