using Docker.DotNet.Models;
using Tollgate.Containers;
using ContainerSpec = Tollgate.Containers.ContainerSpec;

namespace Tollgate.Deployment.Local;

/// <summary>
/// An environment's private network and router container, shared by the local platform (one release behind the
/// router) and the local blue-green platform (two colours behind it): created when missing, the router replaced when
/// its image changed or it stopped, and the environment's containers listed by their labels.
/// </summary>
/// <param name="client">The container engine.</param>
/// <param name="routerImage">Provides the router image.</param>
/// <param name="http">For the router's admin API.</param>
/// <param name="options">Session label and timeouts.</param>
internal sealed class LocalRouterHost(ContainerEngineClient client, RouterImage routerImage, HttpClient http, LocalPlatformOptions options)
{
    private const int RouterPublicPort = 8080;
    private const int RouterAdminPort = 8081;

    public static string NetworkName(DeploymentEnvironment environment) => $"tollgate-{environment.Release}";

    private static string RouterName(DeploymentEnvironment environment) => $"tollgate-{environment.Release}-router";

    public async Task EnsureNetworkAsync(DeploymentEnvironment environment, CancellationToken cancellationToken)
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
    public async Task<(RouterClient Router, bool Fresh)> EnsureRouterAsync(DeploymentEnvironment environment, Action<string> step, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyList<ContainerDetails>> ListAsync(DeploymentEnvironment environment, string role, CancellationToken cancellationToken)
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
}
