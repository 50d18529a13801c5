using Docker.DotNet;

namespace Tollgate.Containers.Internal;

/// <summary>Creates Docker.DotNet clients for an endpoint.</summary>
internal static class DockerClients
{
    /// <summary>A client for <paramref name="endpoint"/>; <paramref name="timeout"/> bounds each request (streams use their own token).</summary>
    public static DockerClient Create(Uri endpoint, TimeSpan timeout) =>
        new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(timeout).Build();
}
