using System.Globalization;
using Tollgate.Containers;
using Tollgate.Deployment.Local;
using Tollgate.Deployment.Smoke;

namespace Tollgate.Deployment.BlueGreen;

/// <summary>The colours' containers as their labels describe them, the router, and recovery of a router that lost its state.</summary>
public sealed partial class LocalBlueGreenPlatform
{
    private async Task<RouterClient> RouterAsync(CancellationToken cancellationToken)
    {
        if (_router is null || !await _router.IsHealthyAsync(cancellationToken).ConfigureAwait(false))
        {
            await _host.EnsureNetworkAsync(environment, cancellationToken).ConfigureAwait(false);
            (_router, _) = await _host.EnsureRouterAsync(environment, log, cancellationToken).ConfigureAwait(false);
        }

        return _router;
    }

    /// <summary>The colour containers by colour; anything else labelled as a colour of this release is an orphan and is removed.</summary>
    private async Task<Dictionary<Colour, ContainerDetails>> ColoursAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<Colour, ContainerDetails>();
        foreach (var container in await _host.ListAsync(environment, Role, cancellationToken).ConfigureAwait(false))
        {
            var colour = Colours.Parse(container.Labels.GetValueOrDefault(LocalLabels.Colour));
            if (colour is { } c && container.Name == ContainerName(c) && !found.ContainsKey(c))
            {
                found[c] = container;
                continue;
            }

            log($"removing {container.Name}: labelled as a colour of {environment.Release} but not one of its two colour containers");
            await client.RemoveContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    private async Task<IReadOnlyList<ContainerDetails>> ContainersOfAsync(Colour colour, CancellationToken cancellationToken) =>
        [.. (await _host.ListAsync(environment, Role, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Labels.GetValueOrDefault(LocalLabels.Colour) == colour.Label() || c.Name == ContainerName(colour))];

    private async Task RemoveContainersAsync(Colour colour, string why, CancellationToken cancellationToken)
    {
        foreach (var container in await ContainersOfAsync(colour, cancellationToken).ConfigureAwait(false))
        {
            await client.StopContainerAsync(container.Id, options.StopGrace, cancellationToken).ConfigureAwait(false);
            await client.RemoveContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
            log($"{container.Name} ({container.Labels.GetValueOrDefault(LocalLabels.Image, container.Image)}) {why}");
        }

        // A container of that name without our labels (created by hand) would block the new one: name it.
        if (await client.InspectContainerAsync(ContainerName(colour), cancellationToken).ConfigureAwait(false) is { } stranger)
        {
            throw new DeploymentException($"A container named {stranger.Name} exists without the labels of release {environment.Release}; remove it (docker rm -f {stranger.Name}) or give the environment another release name.");
        }
    }

    private static async Task RefuseLiveAsync(RouterClient router, Colour colour, string what, CancellationToken cancellationToken)
    {
        var state = await router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state.Live == colour.Label())
        {
            throw new DeploymentException($"Refusing to {what} {colour.Label()}: it takes production traffic. Switch to {colour.Other().Label()} first (./build.sh Rollback).");
        }
    }

    /// <summary>
    /// A router without a live colour (a new router after the old one was lost) while colours run: the colour that
    /// answers /health serves again. When both do, the one started first serves: a newer colour may be a candidate
    /// that was never promoted, and returning to the older version is the safe side.
    /// </summary>
    private async Task<Colour?> RecoverActiveAsync(RouterClient router, Dictionary<Colour, ContainerDetails> containers, CancellationToken cancellationToken)
    {
        var candidates = containers.Where(c => c.Value.IsRunning)
            .OrderBy(c => long.TryParse(c.Value.Labels.GetValueOrDefault(LocalLabels.Started), CultureInfo.InvariantCulture, out var ms) ? ms : long.MaxValue);
        foreach (var (colour, container) in candidates)
        {
            if (await WaitHealthyAsync(colour, container.Id, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false) is null)
            {
                await router.SwitchAsync(colour.Label(), cancellationToken).ConfigureAwait(false);
                log($"the router had no live colour: {colour.Label()} ({container.Labels.GetValueOrDefault(LocalLabels.Image)}) answers /health and serves again");
                return colour;
            }
        }

        return null;
    }

    /// <summary>Null once the colour's own port answers /health with 200; else why not (it exited, or the time ran out).</summary>
    private async Task<string?> WaitHealthyAsync(Colour colour, string containerId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var smoke = new SmokeTestRunner(http);
        var health = new[] { SmokeCheck.Get("health", "/health") };
        var once = new SmokeOptions(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var report = await smoke.RunAsync(_directUrls[colour], health, once, cancellationToken).ConfigureAwait(false);
            if (report.Passed)
            {
                return null;
            }

            var details = await client.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
            if (details is null || !details.IsRunning)
            {
                var logs = details is null ? "(container gone)" : await client.GetLogsAsync(details.Id, 10, cancellationToken).ConfigureAwait(false);
                return $"{ContainerName(colour)} exited (code {details?.ExitCode}) before /health answered; last log lines: {logs.Trim()}";
            }

            if (DateTime.UtcNow >= deadline)
            {
                return $"{ContainerName(colour)}: /health did not answer 200 within {DurationText.Format(timeout)}: {report.Failures.FirstOrDefault()}";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri DirectUrl(ContainerDetails container) => new($"http://127.0.0.1:{container.HostPort(options.ContainerPort).ToString(CultureInfo.InvariantCulture)}/");

    private Uri Address(Colour colour) => new($"http://{Alias(colour)}:{options.ContainerPort.ToString(CultureInfo.InvariantCulture)}/");

    private static string Alias(Colour colour) => colour.Label();
}
