namespace Tollgate.Containers;

/// <summary>What the engine says about a container.</summary>
/// <param name="Id">The container id.</param>
/// <param name="Name">Its name, without the leading slash.</param>
/// <param name="Image">The image it runs.</param>
/// <param name="Status">created, running, exited...</param>
/// <param name="ExitCode">The exit code once it exited.</param>
/// <param name="Health">healthy, unhealthy, starting, or null without a health check (podman never runs them).</param>
/// <param name="HostPorts">Published ports: container port to host port on 127.0.0.1.</param>
/// <param name="NetworkAddresses">The container's IP address per network name.</param>
/// <param name="Labels">Its labels.</param>
public sealed record ContainerDetails(
    string Id,
    string Name,
    string Image,
    string Status,
    long ExitCode,
    string? Health,
    IReadOnlyDictionary<int, int> HostPorts,
    IReadOnlyDictionary<string, string> NetworkAddresses,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Whether the container is running.</summary>
    public bool IsRunning => Status == "running";

    /// <summary>The host port published for <paramref name="containerPort"/>.</summary>
    public int HostPort(int containerPort) => HostPorts.TryGetValue(containerPort, out var port)
        ? port
        : throw new ContainerException($"Container {Name} publishes no port {containerPort}; published: {string.Join(", ", HostPorts.Keys)}. Add it to ContainerSpec.Ports.");
}
