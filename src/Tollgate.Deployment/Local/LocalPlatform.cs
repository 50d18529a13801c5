using System.Globalization;
using Tollgate.Containers;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.Local;

/// <summary>
/// Runs an environment's release as a container on a private network behind a router container that publishes the
/// environment's port on 127.0.0.1. A deploy first converges what an interrupted run left (orphaned candidates, a
/// router without a live upstream), then starts the new release, smoke-tests it through the router's preview path,
/// switches the router atomically, lets the old release drain and removes it. A release that fails its checks is
/// removed before it ever takes traffic: the previous one keeps serving.
/// </summary>
/// <param name="client">The container engine.</param>
/// <param name="routerImage">Provides the router image.</param>
/// <param name="http">For the router's admin API and the smoke tests.</param>
/// <param name="options">Ports, timeouts, session label.</param>
/// <param name="log">Receives one line per step.</param>
public sealed class LocalPlatform(ContainerEngineClient client, RouterImage routerImage, HttpClient http, LocalPlatformOptions options, Action<string> log) : IDeploymentPlatform
{
    private readonly LocalRouterHost _host = new(client, routerImage, http, options);

    /// <inheritdoc />
    public PlatformKind Kind => PlatformKind.Local;

    /// <inheritdoc />
    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = request.Environment;
        var steps = new List<string>();
        void Step(string line)
        {
            steps.Add(line);
            log(line);
        }

        await _host.EnsureNetworkAsync(environment, cancellationToken).ConfigureAwait(false);
        var (router, _) = await _host.EnsureRouterAsync(environment, Step, cancellationToken).ConfigureAwait(false);
        var live = await ConvergeAsync(environment, router, Step, cancellationToken).ConfigureAwait(false);
        var candidate = await StartCandidateAsync(request, live, router, Step, cancellationToken).ConfigureAwait(false);
        var smoke = new SmokeTestRunner(http);
        var preview = router.PreviewUrl(candidate.Upstream);
        var problem = await WaitHealthyAsync(candidate, smoke, preview, cancellationToken).ConfigureAwait(false);
        var report = SmokeReport.Empty(environment.Url);
        if (problem is null)
        {
            report = await smoke.RunAsync(preview, request.SmokeChecks, options.Smoke with { Timeout = Min(options.Smoke.Timeout, request.Timeout) }, cancellationToken).ConfigureAwait(false);
            problem = report.Passed ? null : "smoke tests failed: " + string.Join("; ", report.Failures);
        }

        if (problem is not null)
        {
            Step($"{candidate.Container.Name} failed before taking traffic: {problem}");
            await RemoveReleaseAsync(router, candidate, Step, "failed release", cancellationToken).ConfigureAwait(false);
            var outcome = live is null ? DeploymentOutcome.Failed : DeploymentOutcome.RolledBack;
            return Result(request, outcome, report, steps, problem, live);
        }

        Step($"smoke tests passed through the router's preview of {candidate.Upstream}");
        await router.SwitchAsync(candidate.Upstream, cancellationToken).ConfigureAwait(false);
        Step($"router switched to {candidate.Upstream}: {environment.Url} serves {request.Image}");
        var liveCheck = await smoke.RunAsync(environment.Url, request.SmokeChecks.Take(1), options.Smoke with { Timeout = TimeSpan.FromSeconds(15) }, cancellationToken).ConfigureAwait(false);
        if (!liveCheck.Passed && live is not null)
        {
            await router.SwitchAsync(live.Upstream, cancellationToken).ConfigureAwait(false);
            await RemoveReleaseAsync(router, candidate, Step, "failed through the public port", cancellationToken).ConfigureAwait(false);
            return Result(request, DeploymentOutcome.RolledBack, liveCheck, steps, "the public URL failed after the switch: " + string.Join("; ", liveCheck.Failures), live);
        }

        if (live is not null)
        {
            var drained = await router.WaitForDrainAsync(live.Upstream, options.DrainTimeout, cancellationToken).ConfigureAwait(false);
            await RemoveReleaseAsync(router, live, Step, drained ? "drained, replaced" : $"replaced; requests still in flight after {DurationText.Format(options.DrainTimeout)} were cut", cancellationToken).ConfigureAwait(false);
        }

        return Result(request, DeploymentOutcome.Deployed, report, steps, null, null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DestroyAsync(DeploymentEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var removed = await client.RemoveByLabelAsync(LocalLabels.ReleaseFilter(environment.Release), includeImages: false, cancellationToken).ConfigureAwait(false);
        return [$"removed {removed.Containers} containers and {removed.Networks} networks of {environment.Release}"];
    }

    /// <summary>
    /// Reads the state from the containers and the router and makes it consistent: the live release is the router's
    /// live upstream (or, with a fresh router, the newest release container that answers /health); every other release
    /// container is what an interrupted run left, and is removed.
    /// </summary>
    private async Task<LocalRelease?> ConvergeAsync(DeploymentEnvironment environment, RouterClient router, Action<string> step, CancellationToken cancellationToken)
    {
        var releases = (await _host.ListAsync(environment, "release", cancellationToken).ConfigureAwait(false))
            .Select(c => new LocalRelease(c))
            .OrderByDescending(r => r.Started)
            .ToList();
        var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var live = releases.FirstOrDefault(r => r.Upstream == state.Live && r.Container.IsRunning);
        if (live is null)
        {
            var smoke = new SmokeTestRunner(http);
            foreach (var release in releases.Where(r => r.Container.IsRunning))
            {
                await router.SetUpstreamAsync(release.Upstream, Address(release), cancellationToken).ConfigureAwait(false);
                if (await WaitHealthyAsync(release, smoke, router.PreviewUrl(release.Upstream), cancellationToken, TimeSpan.FromSeconds(5)).ConfigureAwait(false) is null)
                {
                    await router.SwitchAsync(release.Upstream, cancellationToken).ConfigureAwait(false);
                    step($"the router had no live release: {release.Container.Name} answers /health and serves again");
                    live = release;
                    break;
                }
            }
        }

        foreach (var orphan in releases.Where(r => r != live))
        {
            await RemoveReleaseAsync(router, orphan, step, "left by an interrupted run", cancellationToken).ConfigureAwait(false);
        }

        step(live is null ? $"{environment.Name} has no release yet" : $"{environment.Name} is served by {live.Container.Name} ({live.Image})");
        return live;
    }

    private async Task<LocalRelease> StartCandidateAsync(DeploymentRequest request, LocalRelease? live, RouterClient router, Action<string> step, CancellationToken cancellationToken)
    {
        var environment = request.Environment;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var upstream = $"r-{request.Image.ShortDigest}-{suffix}";
        var labels = LocalLabels.For(environment.Release, "release", options.Session);
        labels[LocalLabels.Image] = request.Image.ImageId ?? request.Image.Digest;
        labels[LocalLabels.PreviousImage] = live?.Image ?? string.Empty;
        labels[LocalLabels.Version] = request.Version;
        labels[LocalLabels.Upstream] = upstream;
        labels[LocalLabels.Started] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var spec = new ContainerSpec(request.Image.ImageId ?? request.Image.Pinned)
        {
            Name = $"tollgate-{environment.Release}-{request.Image.ShortDigest}-{suffix}",
            Network = LocalRouterHost.NetworkName(environment),
            NetworkAliases = [upstream],
            Labels = labels,
            Environment = new Dictionary<string, string>(request.Settings.Concat(request.SecretValues), StringComparer.Ordinal)
            {
                ["APP_VERSION"] = request.Version,
                ["ASPNETCORE_URLS"] = $"http://+:{options.ContainerPort.ToString(CultureInfo.InvariantCulture)}",
            },
        };
        var container = await client.RunContainerAsync(spec, cancellationToken).ConfigureAwait(false);
        var release = new LocalRelease(container);
        await router.SetUpstreamAsync(upstream, Address(release), cancellationToken).ConfigureAwait(false);
        step($"started {container.Name} from {request.Image} as upstream {upstream}");
        return release;
    }

    /// <summary>Null once /health answers through the router; else why not (the container exited, or the time ran out).</summary>
    private async Task<string?> WaitHealthyAsync(LocalRelease release, SmokeTestRunner smoke, Uri preview, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var health = new[] { SmokeCheck.Get("health", "/health") };
        var deadline = DateTime.UtcNow + (timeout ?? options.HealthTimeout);
        var once = new SmokeOptions(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        while (true)
        {
            var report = await smoke.RunAsync(preview, health, once, cancellationToken).ConfigureAwait(false);
            if (report.Passed)
            {
                return null;
            }

            var details = await client.InspectContainerAsync(release.Container.Id, cancellationToken).ConfigureAwait(false);
            if (details is null || !details.IsRunning)
            {
                var logs = details is null ? "(container gone)" : await client.GetLogsAsync(details.Id, 10, cancellationToken).ConfigureAwait(false);
                return $"{release.Container.Name} exited (code {details?.ExitCode}) before /health answered; last log lines: {logs.Trim()}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                return $"/health did not answer 200 within {DurationText.Format(timeout ?? options.HealthTimeout)}: {report.Failures.FirstOrDefault()}";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri Address(LocalRelease release) => new($"http://{release.Upstream}:{options.ContainerPort.ToString(CultureInfo.InvariantCulture)}/");

    private static DeploymentResult Result(DeploymentRequest request, DeploymentOutcome outcome, SmokeReport report, List<string> steps, string? reason, LocalRelease? serving) =>
        new(request.Environment, request.Image, outcome, report)
        {
            Steps = [.. steps],
            FailureReason = reason,
            ServingImage = serving is null ? null : new ImageReference(request.Image.Repository, ImageReference.IsDigest(serving.Image) ? serving.Image : request.Image.Digest),
        };

    private async Task RemoveReleaseAsync(RouterClient router, LocalRelease release, Action<string> step, string why, CancellationToken cancellationToken)
    {
        var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state.Live != release.Upstream)
        {
            await router.RemoveUpstreamAsync(release.Upstream, cancellationToken).ConfigureAwait(false);
        }

        await client.StopContainerAsync(release.Container.Id, options.StopGrace, cancellationToken).ConfigureAwait(false);
        await client.RemoveContainerAsync(release.Container.Id, cancellationToken).ConfigureAwait(false);
        step($"removed {release.Container.Name} ({why})");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
