using Docker.DotNet.Models;
using Tollgate.Containers;
using ContainerSpec = Tollgate.Containers.ContainerSpec;

namespace Tollgate.Deployment.Local;

/// <summary>The environment's network and router, and the release containers as their labels describe them.</summary>
public sealed partial class LocalPlatform
{
    private const int RouterPublicPort = 8080;
    private const int RouterAdminPort = 8081;

    private static string NetworkName(DeploymentEnvironment environment) => $"tollgate-{environment.Release}";

    private static string RouterName(DeploymentEnvironment environment) => $"tollgate-{environment.Release}-router";

    private async Task EnsureNetworkAsync(DeploymentEnvironment environment, CancellationToken cancellationToken)
    {
        var name = NetworkName(environment);
        var existing = await client.Api.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } } },
            cancellationToken).ConfigureAwait(false);
        if (!existing.Any(n => n.Name == name))
        {
            await client.CreateNetworkAsync(name, LocalLabels.For(environment.Release, "network", options.Session), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The router container, running the current router image and publishing the environment's port; replaced otherwise.</summary>
    private async Task<(RouterClient Router, bool Fresh)> EnsureRouterAsync(DeploymentEnvironment environment, Action<string> step, CancellationToken cancellationToken)
    {
        var (image, hash) = await routerImage.EnsureAsync(options.RouterProject, cancellationToken).ConfigureAwait(false);
        var existing = (await ListAsync(environment, "router", cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;
        var fresh = false;
        if (existing is not null && !(existing.IsRunning
            && existing.Labels.GetValueOrDefault(LocalLabels.RouterHash) == hash
            && existing.HostPorts.GetValueOrDefault(RouterPublicPort) == environment.Url.Port))
        {
            step($"replacing the router {existing.Name} ({existing.Status}, image {existing.Labels.GetValueOrDefault(LocalLabels.RouterHash)})");
            await client.RemoveContainerAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            existing = null;
        }

        if (existing is null)
        {
            var labels = LocalLabels.For(environment.Release, "router", options.Session);
            labels[LocalLabels.RouterHash] = hash;
            var spec = new ContainerSpec(image)
            {
                Name = RouterName(environment),
                Network = NetworkName(environment),
                Labels = labels,
            }.WithPort(RouterPublicPort, environment.Url.Port).WithPort(RouterAdminPort);
            try
            {
                existing = await client.RunContainerAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerException exception) when (exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase))
            {
                throw new DeploymentException($"Port {environment.Url.Port} of 127.0.0.1 (environment '{environment.Name}', {environment.Url}) is taken by another program; stop it or give the environment another URL in the build.", exception);
            }

            fresh = true;
            step($"started the router {existing.Name} on {environment.Url} (admin on 127.0.0.1:{existing.HostPort(RouterAdminPort)})");
        }

        var router = new RouterClient(http, new Uri($"http://127.0.0.1:{existing.HostPort(RouterAdminPort)}/"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await router.IsHealthyAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                var logs = await client.GetLogsAsync(existing.Id, 20, cancellationToken).ConfigureAwait(false);
                throw new DeploymentException($"The router {existing.Name} did not answer {router.AdminUrl}admin/health within 30 s. Its last log lines:\n{logs}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        return (router, fresh);
    }

    private async Task<IReadOnlyList<ContainerDetails>> ListAsync(DeploymentEnvironment environment, string role, CancellationToken cancellationToken)
    {
        var found = new List<ContainerDetails>();
        foreach (var id in await client.ListContainersAsync(LocalLabels.ReleaseFilter(environment.Release), cancellationToken).ConfigureAwait(false))
        {
            var details = await client.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
            if (details is not null && details.Labels.GetValueOrDefault(LocalLabels.Role) == role)
            {
                found.Add(details);
            }
        }

        return found;
    }

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
}
